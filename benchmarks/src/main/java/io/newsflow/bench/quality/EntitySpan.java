package io.newsflow.bench.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * A typed span of tokens in one sentence, end exclusive.
 *
 * @param type {@code person}, {@code organization} or {@code location} (the tagger's names)
 * @param named for gold spans: a named mention (always true outside GUM); ignored for system spans
 */
record EntitySpan(int start, int end, String type, boolean named) {

    static final String NONE = "O";

    /** The system spans of one labelled sentence: each run of one label other than {@code O}. */
    static List<EntitySpan> runs(List<String> labels) {
        List<EntitySpan> spans = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= labels.size(); i++) {
            if (i == labels.size() || !labels.get(i).equals(labels.get(start))) {
                if (!NONE.equals(labels.get(start))) {
                    spans.add(new EntitySpan(start, i, labels.get(start), true));
                }
                start = i;
            }
        }
        return spans;
    }

    boolean sameAs(EntitySpan other) {
        return start == other.start && end == other.end && type.equals(other.type);
    }

    boolean overlapsSameType(EntitySpan other) {
        return start < other.end && other.start < end && type.equals(other.type);
    }
}
