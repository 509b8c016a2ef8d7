package io.newsflow.enrich.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinHash signatures of a text's word 3-shingles: the share of equal minima between two signatures estimates the
 * Jaccard similarity of the two texts' shingle sets. Near-copies (a story re-published with a new headline, a
 * corrected paragraph, another footer) share most shingles; different stories on the same subject share few.
 */
public final class MinHash {

    public static final String VERSION = "minhash64-w3-lsh16x4";
    /** Estimated Jaccard similarity from which a text is a near-copy of another. */
    public static final double NEAR_COPY = 0.6;

    static final int SIZE = 64;
    static final int BANDS = 16;
    static final int ROWS = SIZE / BANDS;
    /** Below this many words a text says too little to call it a copy of another. */
    static final int MIN_WORDS = 25;

    private static final int SHINGLE = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final long[] SEEDS = seeds();

    private MinHash() {}

    /** The signature of a text, or nothing when the text is too short to judge. */
    public static Optional<long[]> signature(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return Optional.empty();
        }
        long[] minima = new long[SIZE];
        java.util.Arrays.fill(minima, Long.MAX_VALUE);
        StringBuilder shingle = new StringBuilder();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingle.setLength(0);
            for (int j = i; j < i + SHINGLE; j++) {
                shingle.append(words.get(j)).append(' ');
            }
            long hash = fnv(shingle);
            for (int k = 0; k < SIZE; k++) {
                long value = mix(hash ^ SEEDS[k]);
                if (value < minima[k]) {
                    minima[k] = value;
                }
            }
        }
        return Optional.of(minima);
    }

    /** The estimated Jaccard similarity of the texts behind two signatures. */
    public static double similarity(long[] a, long[] b) {
        int equal = 0;
        for (int k = 0; k < SIZE; k++) {
            if (a[k] == b[k]) {
                equal++;
            }
        }
        return equal / (double) SIZE;
    }

    /** One hash per band of {@link #ROWS} minima: texts that share one are candidates. */
    public static int[] bands(long[] signature) {
        int[] bands = new int[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long hash = 0x9e3779b97f4a7c15L * (b + 1);
            for (int r = 0; r < ROWS; r++) {
                hash = mix(hash ^ signature[b * ROWS + r]);
            }
            bands[b] = (int) (hash ^ (hash >>> 32));
        }
        return bands;
    }

    public static byte[] toBytes(long[] signature) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE * Long.BYTES);
        for (long value : signature) {
            buffer.putLong(value);
        }
        return buffer.array();
    }

    public static long[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] signature = new long[SIZE];
        for (int k = 0; k < SIZE; k++) {
            signature[k] = buffer.getLong();
        }
        return signature;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        Matcher matcher = WORD.matcher(folded);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** 64-bit FNV-1a of the shingle's UTF-8 bytes. */
    private static long fnv(CharSequence shingle) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : shingle.toString().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[SIZE];
        long state = 0x5eed5eed5eedL;
        for (int k = 0; k < SIZE; k++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[k] = mix(state);
        }
        return seeds;
    }
}
