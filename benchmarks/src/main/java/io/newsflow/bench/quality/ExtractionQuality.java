package io.newsflow.bench.quality;

import io.newsflow.enrich.text.MainTextExtractor;
import io.newsflow.enrich.text.PageHeadline;
import io.newsflow.enrich.text.PageLines;
import io.newsflow.enrich.text.ScrapedTextCleaner;
import io.newsflow.enrich.text.SourceChrome;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Measures main-text extraction on the public benchmarks in the shared data folder, with each benchmark's own
 * scoring rules, beside reference figures measured the same way ({@code shared/docs/EVALUATION.md}):
 *
 * <ul>
 *   <li>{@link MainTextExtractor} on the HTML;
 *   <li>the scraped-text case: the page's visible text (one line per block, as a browser's {@code innerText}),
 *       cleaned by {@link ScrapedTextCleaner} with the page's {@code <title>}, and without it (the headline found
 *       by {@link PageHeadline} first, as enrichment does for a page sent without a title), and the raw visible text
 *       as its baseline;
 *   <li>the same with a per-source memory ({@link SourceChrome}): the pages in the set's own order, each cleaned with
 *       what the earlier pages of its site (the host of its URL) taught, never the page itself nor the gold; scored
 *       on all pages and on the pages that have an earlier page of their site, beside those pages without it;
 *   <li>jsoup's {@code body().text()}, which checks the scorers against the published row.
 * </ul>
 *
 * <p>Usage: {@code ./newsflow bench extraction [data folder] [page limit]} (this alone), or {@code java -cp
 * benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath) io.newsflow.bench.quality.ExtractionQuality
 * ../shared/data [page limit]}; {@code ./newsflow bench quality} runs it with the entity and topic benchmarks.
 */
public final class ExtractionQuality {

    private static final int WARM_UP_PAGES = 50;

    private ExtractionQuality() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        Path zyte = data.resolve("extraction/zyte-aeb");
        Path trafilatura = data.resolve("extraction/trafilatura");
        if (!Files.isDirectory(zyte) || !Files.isDirectory(trafilatura)) {
            System.out.println(
                    "No extraction benchmarks under " + data.toAbsolutePath().normalize()
                            + " (expected extraction/zyte-aeb and extraction/trafilatura): nothing to measure.");
            return;
        }
        System.out.printf("%-44s %-11s %6s %6s %6s %9s%n", "extractor", "set", "P", "R", "F1", "ms/page");
        measure("zyte-aeb", ExtractionPages.zyte(zyte, limit), ExtractionScore::zyte);
        measure("trafilatura", ExtractionPages.trafilatura(trafilatura, limit), ExtractionScore::trafilatura);
    }

    private static void measure(
            String set,
            List<ExtractionPage> pages,
            BiFunction<List<ExtractionPage>, List<String>, ExtractionScore> scorer) {
        MainTextExtractor extractor = new MainTextExtractor();
        ScrapedTextCleaner cleaner = new ScrapedTextCleaner();
        List<String> visible = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> bodyText = new ArrayList<>();
        for (ExtractionPage page : pages) {
            Document document = Jsoup.parse(page.html(), page.url());
            visible.add(ExtractionVisibleText.of(document.body()));
            titles.add(document.title());
            bodyText.add(document.body().text());
        }
        List<Integer> indexes =
                java.util.stream.IntStream.range(0, pages.size()).boxed().toList();
        report(
                "MainTextExtractor",
                set,
                pages,
                scorer,
                indexes,
                i -> extractor.extract(pages.get(i).html(), pages.get(i).url()));
        report(
                "ScrapedTextCleaner on visible text",
                set,
                pages,
                scorer,
                indexes,
                i -> cleaner.clean(visible.get(i), titles.get(i)));
        report(
                "  the same, no title: headline found first",
                set,
                pages,
                scorer,
                indexes,
                i -> withFoundHeadline(cleaner, visible.get(i)));
        List<Integer> later = new ArrayList<>();
        List<Set<Long>> learnt = learntFromEarlierPages(pages, visible, later);
        report(
                "ScrapedTextCleaner + per-source memory",
                set,
                pages,
                scorer,
                indexes,
                i -> cleaner.clean(visible.get(i), titles.get(i), learnt.get(i)));
        report(
                "  the same, pages after their site's first",
                set,
                pages,
                scorer,
                later,
                i -> cleaner.clean(visible.get(i), titles.get(i), learnt.get(i)));
        report(
                "  those pages without the memory",
                set,
                pages,
                scorer,
                later,
                i -> cleaner.clean(visible.get(i), titles.get(i)));
        report("visible text, raw (baseline)", set, pages, scorer, indexes, visible::get);
        report("jsoup body().text() (reference)", set, pages, scorer, indexes, bodyText::get);
    }

    /**
     * A scraped page sent without a title, as enrichment takes it: the article, the headline above it, then the
     * article again knowing its headline.
     */
    private static String withFoundHeadline(ScrapedTextCleaner cleaner, String visible) {
        String text = cleaner.clean(visible, null);
        return PageHeadline.of(visible, text)
                .map(headline -> cleaner.clean(visible, headline))
                .orElse(text);
    }

    /**
     * For each page, what a per-source memory ({@code SourceChrome}) would know when the page comes: the keys of the
     * lines seen on at least {@link SourceChrome#CHROME_PAGES} - 1 earlier pages of the same site (the host of the page's
     * URL), the pages taken in the benchmark's own order. Never the page itself, never the gold text.
     */
    private static List<Set<Long>> learntFromEarlierPages(
            List<ExtractionPage> pages, List<String> visible, List<Integer> later) {
        Map<String, Map<Long, Integer>> seen = new HashMap<>();
        Map<String, Integer> pagesPerSite = new HashMap<>();
        List<Set<Long>> learnt = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            String site = site(pages.get(i).url());
            Map<Long, Integer> counts = seen.computeIfAbsent(site, s -> new HashMap<>());
            Set<Long> known = new HashSet<>();
            counts.forEach((key, count) -> {
                if (count >= SourceChrome.CHROME_PAGES - 1) {
                    known.add(key);
                }
            });
            learnt.add(known);
            if (pagesPerSite.containsKey(site)) {
                later.add(i);
            }
            PageLines.keys(visible.get(i)).forEach(key -> counts.merge(key, 1, Integer::sum));
            pagesPerSite.merge(site, 1, Integer::sum);
        }
        long sites = pagesPerSite.values().stream().filter(n -> n > 1).count();
        System.out.printf(
                Locale.ROOT,
                "  (per-source memory: %d sites with more than one page, %d pages with an earlier page of their site)%n",
                sites,
                later.size());
        return learnt;
    }

    private static String site(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static void report(
            String label,
            String set,
            List<ExtractionPage> pages,
            BiFunction<List<ExtractionPage>, List<String>, ExtractionScore> scorer,
            List<Integer> indexes,
            Function<Integer, String> run) {
        for (int i = 0; i < Math.min(WARM_UP_PAGES, indexes.size()); i++) {
            run.apply(i);
        }
        List<String> outputs = new ArrayList<>();
        long start = System.nanoTime();
        for (int i : indexes) {
            String output;
            try {
                output = run.apply(i);
            } catch (RuntimeException e) {
                System.err.println(label + " failed on " + pages.get(i).id() + ": " + e);
                output = "";
            }
            outputs.add(output == null ? "" : output);
        }
        double millisPerPage = (System.nanoTime() - start) / 1e6 / Math.max(1, indexes.size());
        List<ExtractionPage> scored = indexes.stream().map(pages::get).toList();
        ExtractionScore score = scorer.apply(scored, outputs);
        System.out.printf(
                Locale.ROOT,
                "%-44s %-11s %6.3f %6.3f %6.3f %9.1f%n",
                label,
                set,
                score.precision(),
                score.recall(),
                score.f1(),
                millisPerPage);
        dump(label, set, scored, outputs);
    }

    /** With -Dextraction.dump=DIR, writes each output beside its page id, to look at what went wrong. */
    private static void dump(String label, String set, List<ExtractionPage> pages, List<String> outputs) {
        String dir = System.getProperty("extraction.dump");
        if (dir == null) {
            return;
        }
        try {
            Path out = Path.of(dir, set, label.replaceAll("[^A-Za-z]+", "-"));
            Files.createDirectories(out);
            for (int i = 0; i < pages.size(); i++) {
                Files.writeString(out.resolve(pages.get(i).id().replace(".gz", "") + ".txt"), outputs.get(i));
            }
        } catch (IOException e) {
            System.err.println("cannot dump outputs: " + e);
        }
    }
}
