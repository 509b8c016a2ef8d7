package io.newsflow.enrich.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into the word forms the topic lexicon is matched on: lower case, split on anything that is not a letter
 * or digit, and a light plural rule ("elections" and "election" give the same form; "policies" and "policy" too).
 * Applied the same way to the lexicon and to articles, so its imperfections cancel out. Each token remembers whether
 * it was written in capitals ("UN", "WHO", "PM"), so that the lexicon can tell an acronym from a common word.
 */
final class TopicTokenizer {

    /** A word form; {@code capitals} when its first two letters are upper case. */
    record Token(String form, boolean capitals) {}

    private TopicTokenizer() {}

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && isWordChar(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String word = text.substring(start, i);
                boolean capitals = word.length() >= 2
                        && Character.isUpperCase(word.charAt(0))
                        && Character.isUpperCase(word.charAt(1));
                tokens.add(new Token(singular(word.toLowerCase(Locale.ROOT)), capitals));
                start = -1;
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '&';
    }

    /** A plural-only stemmer: cheap, predictable, and enough for matching a hand-written lexicon. */
    static String singular(String word) {
        int n = word.length();
        if (n <= 3 || word.charAt(n - 1) != 's') {
            return word;
        }
        if (word.endsWith("ies") && n > 4) {
            return word.substring(0, n - 3) + "y";
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        return word.substring(0, n - 1);
    }
}
