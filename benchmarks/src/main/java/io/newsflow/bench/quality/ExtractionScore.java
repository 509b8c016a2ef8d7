package io.newsflow.bench.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Precision, recall and F1 under the published rules of each benchmark (see {@code shared/docs/EVALUATION.md}).
 */
record ExtractionScore(double precision, double recall, double f1) {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;

    /**
     * Zyte rules: {@code \w+} tokens (Python's: letters, numbers and underscore) as 4-token shingles with multiset counts; per page TP/FP/FN normalised to sum
     * to 1; precision and recall averaged over pages (pages without predicted, resp. expected, shingles left out);
     * F1 from the two averages.
     */
    static ExtractionScore zyte(List<ExtractionPage> pages, List<String> outputs) {
        double precisionSum = 0;
        double recallSum = 0;
        int precisionPages = 0;
        int recallPages = 0;
        for (int i = 0; i < pages.size(); i++) {
            double[] counts = shingleMatch(pages.get(i).expected(), outputs.get(i));
            double tp = counts[0];
            double fp = counts[1];
            double fn = counts[2];
            if (tp + fp > 0) {
                precisionSum += fp == 0 && fn == 0 ? 1 : tp / (tp + fp);
                precisionPages++;
            }
            if (tp + fn > 0) {
                recallSum += fp == 0 && fn == 0 ? 1 : tp / (tp + fn);
                recallPages++;
            }
        }
        double precision = precisionSum / Math.max(1, precisionPages);
        double recall = recallSum / Math.max(1, recallPages);
        return new ExtractionScore(precision, recall, 2 * precision * recall / (precision + recall));
    }

    /**
     * trafilatura rules: whitespace collapsed; a {@code with} snippet found is a TP (else FN), a {@code without}
     * snippet found an FP; counts summed over all pages.
     */
    static ExtractionScore trafilatura(List<ExtractionPage> pages, List<String> outputs) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < pages.size(); i++) {
            String output = collapse(outputs.get(i) == null ? "" : outputs.get(i));
            for (String snippet : pages.get(i).with()) {
                if (output.contains(collapse(snippet))) {
                    tp++;
                } else {
                    fn++;
                }
            }
            for (String snippet : pages.get(i).without()) {
                if (output.contains(collapse(snippet))) {
                    fp++;
                }
            }
        }
        return new ExtractionScore((double) tp / (tp + fp), (double) tp / (tp + fn), 2.0 * tp / (2 * tp + fp + fn));
    }

    /** Normalised TP, FP, FN of one page's shingles. */
    static double[] shingleMatch(String expected, String output) {
        Map<List<String>, Integer> truth = shingles(expected);
        Map<List<String>, Integer> predicted = shingles(output);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (Map.Entry<List<String>, Integer> entry : predicted.entrySet()) {
            int inTruth = truth.getOrDefault(entry.getKey(), 0);
            tp += Math.min(inTruth, entry.getValue());
            fp += Math.max(0, entry.getValue() - inTruth);
        }
        for (Map.Entry<List<String>, Integer> entry : truth.entrySet()) {
            fn += Math.max(0, entry.getValue() - predicted.getOrDefault(entry.getKey(), 0));
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new double[] {tp / sum, fp / sum, fn / sum} : new double[] {0, 0, 0};
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new java.util.ArrayList<>();
        Matcher matcher = TOKEN.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - SHINGLE + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + SHINGLE));
            if (!shingle.isEmpty()) {
                counts.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ");
    }
}
