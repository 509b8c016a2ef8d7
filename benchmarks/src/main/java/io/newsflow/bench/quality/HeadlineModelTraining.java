package io.newsflow.bench.quality;

import io.newsflow.bench.quality.TitleQuality.TitledPage;
import io.newsflow.enrich.text.PageHeadline;
import io.newsflow.enrich.text.PageHeadline.Candidate;
import io.newsflow.enrich.text.ScrapedTextCleaner;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Trains the weights {@link PageHeadline} scores its candidate lines with: a conditional logit model (of a page's
 * candidates, the headline is the one of highest score), fitted by gradient descent (Adam, L2) on the public
 * extraction sets. It prints the accuracy of five-fold cross-validation (folds by site, so no site is both learnt and
 * scored), the accuracy on the data it was trained on, and the weights as Java to paste into {@link PageHeadline}.
 *
 * <p>Usage: {@code ./newsflow bench titles [data folder] --train [-v]} ({@code -v} lists every miss).
 */
final class HeadlineModelTraining {

    private static final int FOLDS = 5;
    private static final int ITERATIONS = 1500;
    private static final double LEARNING_RATE = 0.05;
    private static final double L2 = 0.001;

    /** One page's candidates, which of them are its headline, and the set it comes from. */
    private record Example(String set, String id, String title, int fold, List<Candidate> candidates, boolean[] right) {

        boolean answerable() {
            for (boolean r : right) {
                if (r) {
                    return true;
                }
            }
            return false;
        }
    }

    private HeadlineModelTraining() {}

    static void train(Map<String, List<TitledPage>> sets, boolean verbose) {
        ScrapedTextCleaner cleaner = new ScrapedTextCleaner();
        List<Example> examples = new ArrayList<>();
        for (Map.Entry<String, List<TitledPage>> set : sets.entrySet()) {
            for (TitledPage page : set.getValue()) {
                String text = ExtractionVisibleText.of(
                        Jsoup.parse(page.html(), page.url()).body());
                List<Candidate> candidates = PageHeadline.candidates(text, cleaner.clean(text, null));
                boolean[] right = new boolean[candidates.size()];
                for (int c = 0; c < right.length; c++) {
                    right[c] = TitleQuality.matches(candidates.get(c).line(), page.title());
                }
                examples.add(new Example(set.getKey(), page.id(), page.title(), fold(page), candidates, right));
            }
        }
        int features = PageHeadline.FEATURES.size();
        System.out.printf(
                Locale.ROOT,
                "%d pages, %d with their headline among the candidates%n",
                examples.size(),
                examples.stream().filter(Example::answerable).count());

        int[][] crossValidated = new int[sets.size() + 1][2];
        for (int fold = 0; fold < FOLDS; fold++) {
            int held = fold;
            double[] weights =
                    fit(examples.stream().filter(e -> e.fold() != held).toList(), features);
            count(examples.stream().filter(e -> e.fold() == held).toList(), weights, sets, crossValidated);
        }
        double[] weights = fit(examples, features);
        int[][] trained = new int[sets.size() + 1][2];
        count(examples, weights, sets, trained);

        System.out.printf("%-14s %6s %18s %18s%n", "set", "pages", "cross-validated", "on training data");
        List<String> names = new ArrayList<>(sets.keySet());
        names.add("all");
        for (int s = 0; s < names.size(); s++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-14s %6d %18.3f %18.3f%n",
                    names.get(s),
                    crossValidated[s][1],
                    crossValidated[s][0] / (double) Math.max(1, crossValidated[s][1]),
                    trained[s][0] / (double) Math.max(1, trained[s][1]));
        }
        if (verbose) {
            misses(examples, weights);
        }
        System.out.println("weights:");
        for (int f = 0; f < features; f++) {
            System.out.printf(Locale.ROOT, "  %8.3f  %s%n", weights[f], PageHeadline.FEATURES.get(f));
        }
        StringBuilder java = new StringBuilder("WEIGHTS = {");
        for (int f = 0; f < features; f++) {
            java.append(f == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", weights[f]));
        }
        java.append("};");
        System.out.println(java);
    }

    private static void misses(List<Example> examples, double[] weights) {
        for (Example example : examples) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            int right = -1;
            for (int c = 0; c < example.candidates().size(); c++) {
                double score = score(example.candidates().get(c).features(), weights);
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
                if (example.right()[c] && right < 0) {
                    right = c;
                }
            }
            if (best >= 0 && example.right()[best]) {
                continue;
            }
            System.out.printf(Locale.ROOT, "MISS %s %s%n", example.set(), example.id());
            if (best >= 0) {
                Candidate c = example.candidates().get(best);
                System.out.printf(
                        Locale.ROOT,
                        "  got  %.2f [%s] %s%n",
                        bestScore,
                        c.line(),
                        java.util.Arrays.toString(c.features()));
            } else {
                System.out.println("  got nothing, " + example.candidates().size() + " candidates");
            }
            if (right >= 0) {
                Candidate c = example.candidates().get(right);
                System.out.printf(
                        Locale.ROOT,
                        "  want %.2f [%s] %s%n",
                        score(c.features(), weights),
                        c.line(),
                        java.util.Arrays.toString(c.features()));
            } else {
                System.out.println("  want (not a candidate) " + example.title());
            }
        }
    }

    /** The fold of a page: by its site, so that every page of a site is in the same fold. */
    private static int fold(TitledPage page) {
        String host;
        try {
            host = URI.create(page.url()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        String site = host == null ? page.id() : host.replaceFirst("^www\\.", "");
        return Math.floorMod(site.hashCode(), FOLDS);
    }

    /** Adds each set's {right, pages} (and all sets' in the last row) when the model picks as {@code weights} say. */
    private static void count(
            List<Example> examples, double[] weights, Map<String, List<TitledPage>> sets, int[][] counts) {
        List<String> names = new ArrayList<>(sets.keySet());
        for (Example example : examples) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < example.candidates().size(); c++) {
                double score = score(example.candidates().get(c).features(), weights);
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            int right = best >= 0 && example.right()[best] ? 1 : 0;
            int set = names.indexOf(example.set());
            counts[set][0] += right;
            counts[set][1]++;
            counts[names.size()][0] += right;
            counts[names.size()][1]++;
        }
    }

    private static double score(double[] features, double[] weights) {
        double score = 0;
        for (int f = 0; f < features.length; f++) {
            score += weights[f] * features[f];
        }
        return score;
    }

    /**
     * Fits the weights by minimising the negative log-likelihood of each page's right candidates among all its
     * candidates (pages without the headline among them teach nothing), with an L2 penalty, by Adam.
     */
    private static double[] fit(List<Example> examples, int features) {
        List<Example> answerable = examples.stream().filter(Example::answerable).toList();
        double[] w = new double[features];
        double[] m = new double[features];
        double[] v = new double[features];
        for (int t = 1; t <= ITERATIONS; t++) {
            double[] gradient = new double[features];
            for (Example example : answerable) {
                List<Candidate> candidates = example.candidates();
                double[] p = new double[candidates.size()];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < p.length; c++) {
                    p[c] = score(candidates.get(c).features(), w);
                    max = Math.max(max, p[c]);
                }
                double all = 0;
                double good = 0;
                for (int c = 0; c < p.length; c++) {
                    p[c] = Math.exp(p[c] - max);
                    all += p[c];
                    good += example.right()[c] ? p[c] : 0;
                }
                // d(-log(good / all)) = sum over c of (p_c / all - [c is right] p_c / good) d score_c
                for (int c = 0; c < p.length; c++) {
                    double g = p[c] / all - (example.right()[c] ? p[c] / good : 0);
                    double[] f = candidates.get(c).features();
                    for (int k = 0; k < features; k++) {
                        gradient[k] += g * f[k];
                    }
                }
            }
            for (int k = 0; k < features; k++) {
                double g = gradient[k] / answerable.size() + L2 * w[k];
                m[k] = 0.9 * m[k] + 0.1 * g;
                v[k] = 0.999 * v[k] + 0.001 * g * g;
                double mHat = m[k] / (1 - Math.pow(0.9, t));
                double vHat = v[k] / (1 - Math.pow(0.999, t));
                w[k] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return w;
    }
}
