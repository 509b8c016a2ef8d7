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
        // runs of whitespace (the regex \s set) become one space, by hand: a regex cost more than the hash itself
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder collapsed = new StringBuilder(normalised.length());
        boolean pendingSpace = false;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                pendingSpace = collapsed.length() > 0;
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }
}
