package io.newsflow.bench.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spans the pipeline gives another type than the tagger did, judged by exact match: fixed (wrong before,
 * right after), broken (right before, wrong after) or neither (wrong both ways: the span's bounds are wrong, or
 * both types are).
 */
final class EntityRetypings {

    private final List<String> lines = new ArrayList<>();
    private int fixed;
    private int broken;
    private int neither;

    /** @param tagged the tagger's spans; {@code retyped} the same spans, in the same order, as the pipeline types them */
    void add(List<String> tokens, List<EntitySpan> gold, List<EntitySpan> tagged, List<EntitySpan> retyped) {
        for (int i = 0; i < tagged.size(); i++) {
            EntitySpan before = tagged.get(i);
            EntitySpan after = retyped.get(i);
            if (before.type().equals(after.type())) {
                continue;
            }
            boolean rightBefore = gold.stream().anyMatch(before::sameAs);
            boolean rightAfter = gold.stream().anyMatch(after::sameAs);
            String verdict;
            if (rightAfter) {
                fixed++;
                verdict = "fixed";
            } else if (rightBefore) {
                broken++;
                verdict = "broken";
            } else {
                neither++;
                verdict = "neither";
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-8s %-40s %s -> %s (gold: %s)",
                    verdict,
                    String.join(" ", tokens.subList(before.start(), before.end())),
                    before.type(),
                    after.type(),
                    goldAt(before, gold)));
        }
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "  retyped by the pipeline: %d spans, %d fixed, %d broken, %d wrong both ways (exact)",
                fixed + broken + neither,
                fixed,
                broken,
                neither);
    }

    List<String> lines() {
        return lines;
    }

    /** The gold type of the span with the same bounds, else of the spans it overlaps, else "none". */
    static String goldAt(EntitySpan span, List<EntitySpan> gold) {
        for (EntitySpan g : gold) {
            if (g.start() == span.start() && g.end() == span.end()) {
                return g.type();
            }
        }
        List<String> overlapping = gold.stream()
                .filter(g -> g.start() < span.end() && span.start() < g.end())
                .map(g -> g.type() + " overlapping")
                .distinct()
                .toList();
        return overlapping.isEmpty() ? "none" : String.join(", ", overlapping);
    }
}
