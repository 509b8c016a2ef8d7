package io.newsflow.enrich.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A title made from an article's text, for articles that came without one (feed items may have none): the first
 * sentence, cut at a word when it is long. The enriched article marks it as derived.
 */
public final class DerivedTitle {

    /** About the length of a long headline. */
    static final int MAX_LENGTH = 120;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?=[\"'”’)]*(\\s|$))");

    private DerivedTitle() {}

    /** @return the title, or {@code "(untitled)"} when the text has no words at all */
    public static String of(String text) {
        String collapsed = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (collapsed.isEmpty()) {
            return "(untitled)";
        }
        Matcher end = SENTENCE_END.matcher(collapsed);
        String sentence = collapsed;
        // a sentence of a few characters ("Mr.", "1.") is no end
        while (end.find()) {
            if (end.start() >= 12) {
                sentence = collapsed.substring(0, end.start() + 1);
                break;
            }
        }
        if (sentence.length() <= MAX_LENGTH) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_LENGTH - 1);
        return (cut > MAX_LENGTH / 2 ? sentence.substring(0, cut) : sentence.substring(0, MAX_LENGTH - 1)) + "…";
    }
}
