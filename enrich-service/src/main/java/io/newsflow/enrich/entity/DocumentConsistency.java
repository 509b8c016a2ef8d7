package io.newsflow.enrich.entity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the tagger's labels of one document agree with themselves: a writer means the same thing each time a name
 * comes back, while a sentence-by-sentence tagger may type it differently or miss it in a sentence that says little.
 * Each rule ({@link Rule}) is measured on its own by {@code ./newsflow bench quality} (see BENCHMARKS.md). Pure and
 * thread-safe.
 */
public final class DocumentConsistency {

    /** What may be made consistent. */
    public enum Rule {
        /** A name tagged with one type in most of its mentions takes that type in all of them. */
        MAJORITY_TYPE,
        /**
         * A name tagged somewhere in the document (a one-word name: twice) is tagged where it comes back untagged.
         */
        REPEATED_NAME,
        /** The surname of a person named in full is that person where it stands alone ("Merkel"). */
        SURNAME
    }

    /** The rules the service applies: those that gained on the gold sets. */
    public static final Set<Rule> SHIPPED = EnumSet.allOf(Rule.class);

    private static final String NONE = "O";
    private static final int MIN_NAME_LENGTH = 2;

    private DocumentConsistency() {}

    /**
     * @param tokens the document's sentences, each a list of tokens
     * @param labels one label per token ({@code O} or a {@link Mention} type), changed in place
     * @param rules the rules to apply
     */
    public static void apply(List<List<String>> tokens, List<List<String>> labels, Set<Rule> rules) {
        Map<List<String>, Map<String, Integer>> typesOfName = new HashMap<>();
        for (int s = 0; s < tokens.size(); s++) {
            for (int[] span : spans(labels.get(s))) {
                List<String> name = tokens.get(s).subList(span[0], span[1]);
                typesOfName
                        .computeIfAbsent(List.copyOf(name), n -> new HashMap<>())
                        .merge(labels.get(s).get(span[0]), 1, Integer::sum);
            }
        }
        Map<List<String>, String> typeOfName = new HashMap<>();
        typesOfName.forEach((name, types) -> {
            String type = majority(types);
            if (type != null) {
                typeOfName.put(name, type);
            }
        });
        if (rules.contains(Rule.MAJORITY_TYPE)) {
            for (int s = 0; s < tokens.size(); s++) {
                for (int[] span : spans(labels.get(s))) {
                    String type = typeOfName.get(tokens.get(s).subList(span[0], span[1]));
                    if (type != null) {
                        fill(labels.get(s), span[0], span[1], type);
                    }
                }
            }
        }
        Map<List<String>, String> untaggedNames = new HashMap<>();
        if (rules.contains(Rule.REPEATED_NAME)) {
            typeOfName.forEach((name, type) -> {
                // a one-word name tagged once may be the tagger's slip ("Share" as a person): it must be tagged twice
                int tagged = typesOfName.get(name).values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                if (looksLikeName(name) && (name.size() > 1 || tagged >= 2)) {
                    untaggedNames.put(name, type);
                }
            });
        }
        if (rules.contains(Rule.SURNAME)) {
            typeOfName.forEach((name, type) -> {
                String last = name.getLast();
                if (Mention.PERSON.equals(type) && name.size() >= 2 && looksLikeName(List.of(last))) {
                    untaggedNames.putIfAbsent(List.of(last), Mention.PERSON);
                }
            });
        }
        if (!untaggedNames.isEmpty()) {
            tagUntagged(tokens, labels, untaggedNames);
        }
    }

    /** Tags each run of untagged tokens that is one of {@code names}, longest names first. */
    private static void tagUntagged(
            List<List<String>> tokens, List<List<String>> labels, Map<List<String>, String> names) {
        int longest = names.keySet().stream().mapToInt(List::size).max().orElse(0);
        for (int s = 0; s < tokens.size(); s++) {
            List<String> sentence = tokens.get(s);
            List<String> sentenceLabels = labels.get(s);
            for (int i = 0; i < sentence.size(); i++) {
                for (int length = Math.min(longest, sentence.size() - i); length >= 1; length--) {
                    int end = i + length;
                    String type = names.get(sentence.subList(i, end));
                    if (type != null && untagged(sentenceLabels, i, end)) {
                        fill(sentenceLabels, i, end, type);
                        i = end - 1;
                        break;
                    }
                }
            }
        }
    }

    /** The tokens from {@code start} to {@code end} and their neighbours are all untagged. */
    private static boolean untagged(List<String> labels, int start, int end) {
        for (int i = Math.max(0, start - 1); i < Math.min(labels.size(), end + 1); i++) {
            if (!NONE.equals(labels.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A name every token of which starts with a capital or a digit, and not a lone letter. */
    private static boolean looksLikeName(List<String> name) {
        if (name.size() == 1 && name.getFirst().length() < MIN_NAME_LENGTH) {
            return false;
        }
        for (String token : name) {
            int first = token.codePointAt(0);
            if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
                return false;
            }
        }
        return true;
    }

    /** The type most mentions have, when more than half of them have it. */
    private static String majority(Map<String, Integer> types) {
        int all = types.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<String, Integer> type : types.entrySet()) {
            if (type.getValue() * 2 > all) {
                return type.getKey();
            }
        }
        return null;
    }

    private static void fill(List<String> labels, int start, int end, String type) {
        for (int i = start; i < end; i++) {
            labels.set(i, type);
        }
    }

    /** The runs of one label other than {@code O}: {start, end} each, end exclusive. */
    static List<int[]> spans(List<String> labels) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= labels.size(); i++) {
            if (i == labels.size() || !labels.get(i).equals(labels.get(start))) {
                if (!NONE.equals(labels.get(start))) {
                    spans.add(new int[] {start, i});
                }
                start = i;
            }
        }
        return spans;
    }
}
