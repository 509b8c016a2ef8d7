package io.newsflow.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * SHA-256 of an article's normalised title and text: whitespace and Unicode normalisation differences do not
 * count as a change of content.
 */
public final class ContentHash {

    private ContentHash() {}

    public static String of(String title, String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((normalise(title) + "\n" + normalise(text)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        // NFC only when needed (most news text already is), then runs of whitespace (the regex \s set) become
        // one space, by hand into an array: a regex or a char-by-char builder cost more than the hash itself
        String normalised = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        char[] out = new char[normalised.length()];
        int length = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                pendingSpace = length > 0;
            } else {
                if (pendingSpace) {
                    out[length++] = ' ';
                    pendingSpace = false;
                }
                out[length++] = c;
            }
        }
        return new String(out, 0, length);
    }
}
