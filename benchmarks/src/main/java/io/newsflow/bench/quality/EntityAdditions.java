package io.newsflow.bench.quality;

import io.newsflow.enrich.entity.EntityResolver;
import io.newsflow.enrich.entity.Mention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spans the pipeline adds where the tagger found nothing ({@link EntityResolver#missedNames}), judged by exact
 * match: right (a gold span with the same bounds and type), overlapping (shares a token with a gold span of the
 * same type, so right when lenient) or wrong.
 */
final class EntityAdditions {

    private final List<String> lines = new ArrayList<>();
    private final Map<String, int[]> byType = new TreeMap<>();
    private int right;
    private int overlapping;
    private int wrong;
    private int offTokens;
    private int overTagged;

    /**
     * The names the resolver finds in one sentence beside the tagger's spans: the gold tokens joined with single
     * spaces, each name kept when it starts at a token start, ends at a token end and covers only tokens the tagger
     * left {@code O}.
     */
    List<EntitySpan> find(EntityResolver resolver, List<String> tokens, List<String> labels, List<EntitySpan> tagged) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        Map<Integer, Integer> tokenStarting = new HashMap<>();
        Map<Integer, Integer> tokenEnding = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(tokens.get(i));
            ends[i] = text.length();
            tokenStarting.putIfAbsent(starts[i], i);
            tokenEnding.put(ends[i], i);
        }
        String sentence = text.toString();
        List<Mention> mentions = new ArrayList<>(tagged.size());
        for (EntitySpan span : tagged) {
            int start = starts[span.start()];
            int end = ends[span.end() - 1];
            mentions.add(new Mention(span.type(), sentence.substring(start, end), start, end, 0));
        }
        List<EntitySpan> added = new ArrayList<>();
        for (Mention name : resolver.missedNames(sentence, mentions)) {
            Integer first = tokenStarting.get(name.start());
            Integer last = tokenEnding.get(name.end());
            if (first == null || last == null || last < first) {
                offTokens++;
                continue;
            }
            boolean free = labels.subList(first, last + 1).stream().allMatch(EntitySpan.NONE::equals);
            if (!free) {
                overTagged++;
                continue;
            }
            added.add(new EntitySpan(first, last + 1, name.type(), true));
        }
        return added;
    }

    /** Judges the spans {@link #find} added in one sentence. */
    void judge(List<String> tokens, List<EntitySpan> gold, List<EntitySpan> added) {
        for (EntitySpan span : added) {
            int[] counts = byType.computeIfAbsent(span.type(), t -> new int[2]);
            counts[0]++;
            String verdict;
            if (gold.stream().anyMatch(span::sameAs)) {
                right++;
                counts[1]++;
                verdict = "right";
            } else if (gold.stream().anyMatch(span::overlapsSameType)) {
                overlapping++;
                verdict = "overlap";
            } else {
                wrong++;
                verdict = "wrong";
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "  added %-8s %-40s %s (gold: %s)",
                    verdict,
                    String.join(" ", tokens.subList(span.start(), span.end())),
                    span.type(),
                    EntityRetypings.goldAt(span, gold)));
        }
    }

    String summary() {
        StringBuilder types = new StringBuilder();
        byType.forEach((type, counts) -> types.append(
                String.format(Locale.ROOT, "%s%s %d/%d", types.isEmpty() ? "" : ", ", type, counts[1], counts[0])));
        return String.format(
                Locale.ROOT,
                "  added by the pipeline: %d spans, %d right, %d overlapping a gold span of their type, %d wrong"
                        + " (exact; right/added: %s); not added: %d off token bounds, %d over tagged tokens",
                right + overlapping + wrong,
                right,
                overlapping,
                wrong,
                types.isEmpty() ? "none" : types,
                offTokens,
                overTagged);
    }

    List<String> lines() {
        return lines;
    }
}
