package io.newsflow.enrich.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How names are compared: case, accents, punctuation around words and repeated spaces do not matter. */
public final class EntityNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\s]+|[\\p{P}\\s]+$");

    private EntityNames() {}

    /** "  Reykjavík " and "REYKJAVIK" have the same key. */
    public static String key(String name) {
        // decomposed, marks dropped, composed again: Hangul syllables must not stay split into their letters
        String folded = Normalizer.normalize(
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll(""), Normalizer.Form.NFC);
        folded = SPACES.matcher(folded).replaceAll(" ");
        return EDGE_PUNCTUATION.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
