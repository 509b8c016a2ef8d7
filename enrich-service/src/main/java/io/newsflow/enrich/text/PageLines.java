package io.newsflow.enrich.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The lines of a page (one block a line, as a browser's {@code innerText} gives them) and the key that names a line
 * across the pages of one source: the line lower-cased, its numbers made one ("© 2023" and "© 2024" are one line),
 * hashed to 64 bits. {@link SourceChrome} counts these keys per source. Pure and thread-safe.
 */
public final class PageLines {

    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    private PageLines() {}

    /** The page's non-blank lines, whitespace collapsed. */
    public static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String line : text.split("\\R")) {
            String collapsed = TextBlocks.collapse(line);
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        return lines;
    }

    /** The distinct keys of the page's lines, in ascending order. */
    public static Set<Long> keys(String text) {
        Set<Long> keys = new TreeSet<>();
        of(text).forEach(line -> keys.add(key(line)));
        return keys;
    }

    /** The key of one line: equal for lines that differ only in case, spacing or their numbers. */
    public static long key(String line) {
        String normalised = NUMBERS.matcher(TextBlocks.collapse(line).toLowerCase(Locale.ROOT))
                .replaceAll("0");
        byte[] digest = sha256().digest(normalised.getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key;
    }

    /** The text without the paragraphs (lines) whose key is in {@code chrome}; paragraphs stay apart by a blank line. */
    public static String without(String text, Set<Long> chrome) {
        if (chrome.isEmpty() || text == null) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        for (String line : of(text)) {
            if (!chrome.contains(key(line))) {
                if (!kept.isEmpty()) {
                    kept.append("\n\n");
                }
                kept.append(line);
            }
        }
        return kept.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
