package io.newsflow.bench.quality;

import io.newsflow.enrich.entity.Mention;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CoNLL-style span scores (shared/docs/EVALUATION.md), per type and micro over the three types: exact (start, end
 * and type match) and lenient (a span counts when it shares a token with a span of the same type on the other
 * side: precision over system spans, recall over gold spans).
 */
final class EntityScore {

    static final List<String> TYPES = List.of(Mention.PERSON, Mention.ORGANIZATION, Mention.LOCATION);

    private final Map<String, Counts> byType = new TreeMap<>();

    EntityScore() {
        TYPES.forEach(type -> byType.put(type, new Counts()));
    }

    /** Spans of another type (none, or one the gold set does not score) count as no entity. */
    void add(List<EntitySpan> gold, List<EntitySpan> system) {
        for (EntitySpan span : system) {
            Counts counts = byType.get(span.type());
            if (counts == null) {
                continue;
            }
            counts.system++;
            if (gold.stream().anyMatch(span::sameAs)) {
                counts.exact++;
            }
            if (gold.stream().anyMatch(span::overlapsSameType)) {
                counts.lenientSystem++;
            }
        }
        for (EntitySpan span : gold) {
            Counts counts = byType.get(span.type());
            counts.gold++;
            if (system.stream().anyMatch(span::overlapsSameType)) {
                counts.lenientGold++;
            }
        }
    }

    Figures exact() {
        Counts all = micro();
        return Figures.of(all.exact, all.system, all.exact, all.gold);
    }

    Figures lenient() {
        Counts all = micro();
        return Figures.of(all.lenientSystem, all.system, all.lenientGold, all.gold);
    }

    Figures exact(String type) {
        Counts counts = byType.get(type);
        return Figures.of(counts.exact, counts.system, counts.exact, counts.gold);
    }

    private Counts micro() {
        Counts all = new Counts();
        for (Counts counts : byType.values()) {
            all.system += counts.system;
            all.gold += counts.gold;
            all.exact += counts.exact;
            all.lenientSystem += counts.lenientSystem;
            all.lenientGold += counts.lenientGold;
        }
        return all;
    }

    record Figures(double precision, double recall) {

        static Figures of(long systemHits, long system, long goldHits, long gold) {
            return new Figures(ratio(systemHits, system), ratio(goldHits, gold));
        }

        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        private static double ratio(long part, long whole) {
            return whole == 0 ? 0 : part / (double) whole;
        }
    }

    private static final class Counts {
        long system;
        long gold;
        long exact;
        long lenientSystem;
        long lenientGold;
    }
}
