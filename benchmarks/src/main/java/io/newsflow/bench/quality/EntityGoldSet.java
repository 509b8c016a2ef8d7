package io.newsflow.bench.quality;

import java.util.List;

/**
 * One gold set as scored.
 *
 * @param namedOnly score only the gold spans marked named (GUM's named mentions); the others then count as no
 *     entity
 */
record EntityGoldSet(String name, int documents, List<EntitySentence> sentences, boolean namedOnly) {

    int tokens() {
        return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    }

    List<EntitySpan> gold(EntitySentence sentence) {
        return namedOnly ? sentence.gold().stream().filter(EntitySpan::named).toList() : sentence.gold();
    }

    long goldSpans() {
        return sentences.stream().mapToLong(s -> gold(s).size()).sum();
    }
}
