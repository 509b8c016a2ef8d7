package io.newsflow.enrich.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into the word forms the topic lexicon is matched on: lower case, split on anything that is not a letter
 * or digit, and a light plural rule ("elections" and "election" give the same form; "policies" and "policy" too).
 * Applied the same way to the lexicon and to articles, so its imperfections cancel out.
 */
final class TopicTokenizer {

    private TopicTokenizer() {}

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordChar = i < lower.length() && isWordChar(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                tokens.add(singular(lower.substring(start, i)));
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
