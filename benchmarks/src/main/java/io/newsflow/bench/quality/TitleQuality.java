package io.newsflow.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.text.PageHeadline;
import io.newsflow.enrich.text.PageMetadataTitle;
import io.newsflow.enrich.text.ScrapedTextCleaner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Measures how often the title found for a page without one is the page's real title, on the public extraction
 * sets in the shared data folder:
 *
 * <ul>
 *   <li>{@code page} input: the page's visible text (one line per block, as a browser's {@code innerText}), the
 *       headline found by {@link PageHeadline} where {@link ScrapedTextCleaner} finds the article; its baseline is the
 *       first line of the text (what {@code POST /api/v1/pages} took before issue 13);
 *   <li>{@code html} input: {@link PageMetadataTitle} on the HTML.
 * </ul>
 *
 * <p>Gold titles: trafilatura's {@code evaldata.json} {@code title} (written by its authors, 845 of 990 pages), the
 * readability test pages' {@code expected-metadata.json} {@code title}, and for the Zyte set, which has none, the
 * page's {@code og:title}, else its {@code <title>}. A found title is right when, both normalised (case, Unicode
 * compatibility forms, white space, quotes and punctuation at the ends), it equals the gold, or the gold less a site
 * name after a separator ("Headline | Site", "Headline - Site"), or their word-level F1 is at least {@value
 * #TOKEN_F1}.
 *
 * <p>Usage: {@code ./newsflow bench titles [data folder] [-v]}.
 */
public final class TitleQuality {

    static final double TOKEN_F1 = 0.8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / ", ": "};

    record TitledPage(String id, String url, String html, String title) {}

    private TitleQuality() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        boolean verbose = List.of(args).contains("-v");
        Path extraction = data.resolve("extraction");
        if (!Files.isDirectory(extraction.resolve("trafilatura"))) {
            System.out.println(
                    "No extraction sets under " + extraction.toAbsolutePath().normalize()
                            + " (expected trafilatura, readability, zyte-aeb): nothing to measure.");
            return;
        }
        if (List.of(args).contains("--train")) {
            HeadlineModelTraining.train(sets(extraction), verbose);
            return;
        }
        Map<String, List<TitledPage>> sets = sets(extraction);
        ScrapedTextCleaner cleaner = new ScrapedTextCleaner();
        System.out.printf("%-40s %-12s %6s %6s %8s%n", "title of", "set", "pages", "right", "accuracy");
        int[] pageTotal = new int[2];
        int[] firstLineTotal = new int[2];
        int[] ceilingTotal = new int[2];
        int[] htmlTotal = new int[2];
        for (Map.Entry<String, List<TitledPage>> set : sets.entrySet()) {
            List<String> visible = new ArrayList<>();
            List<Document> documents = new ArrayList<>();
            for (TitledPage page : set.getValue()) {
                Document document = Jsoup.parse(page.html(), page.url());
                documents.add(document);
                visible.add(ExtractionVisibleText.of(document.body()));
            }
            List<TitledPage> pages = set.getValue();
            add(pageTotal, report("page: PageHeadline", set.getKey(), pages, verbose, i -> {
                String text = visible.get(i);
                return PageHeadline.of(text, cleaner.clean(text, null)).orElse(null);
            }));
            add(ceilingTotal, report("page: any line (ceiling)", set.getKey(), pages, false, i -> {
                String gold = pages.get(i).title();
                return visible.get(i)
                        .lines()
                        .map(String::strip)
                        .filter(line -> matches(line, gold))
                        .findFirst()
                        .orElse(null);
            }));
            add(
                    firstLineTotal,
                    report(
                            "page: first line (baseline)",
                            set.getKey(),
                            pages,
                            false,
                            i -> visible.get(i)
                                    .lines()
                                    .map(String::strip)
                                    .filter(line -> !line.isEmpty())
                                    .findFirst()
                                    .orElse(null)));
            add(
                    htmlTotal,
                    report(
                            "html: PageMetadataTitle",
                            set.getKey(),
                            pages,
                            verbose,
                            i -> PageMetadataTitle.of(documents.get(i))
                                    .map(found -> found.text())
                                    .orElse(null)));
        }
        System.out.printf(
                Locale.ROOT,
                "%-40s %-12s %6d %6d %8.3f%n",
                "page: PageHeadline",
                "all",
                pageTotal[1],
                pageTotal[0],
                pageTotal[0] / (double) pageTotal[1]);
        System.out.printf(
                Locale.ROOT,
                "%-40s %-12s %6d %6d %8.3f%n",
                "page: any line (ceiling)",
                "all",
                ceilingTotal[1],
                ceilingTotal[0],
                ceilingTotal[0] / (double) ceilingTotal[1]);
        System.out.printf(
                Locale.ROOT,
                "%-40s %-12s %6d %6d %8.3f%n",
                "page: first line (baseline)",
                "all",
                firstLineTotal[1],
                firstLineTotal[0],
                firstLineTotal[0] / (double) firstLineTotal[1]);
        System.out.printf(
                Locale.ROOT,
                "%-40s %-12s %6d %6d %8.3f%n",
                "html: PageMetadataTitle",
                "all",
                htmlTotal[1],
                htmlTotal[0],
                htmlTotal[0] / (double) htmlTotal[1]);
    }

    /** The three sets with a gold title per page, by name. */
    static Map<String, List<TitledPage>> sets(Path extraction) throws IOException {
        Map<String, List<TitledPage>> sets = new java.util.LinkedHashMap<>();
        sets.put("trafilatura", trafilatura(extraction.resolve("trafilatura")));
        sets.put("readability", readability(extraction.resolve("readability/test/test-pages")));
        sets.put("zyte-aeb", zyte(extraction.resolve("zyte-aeb")));
        return sets;
    }

    private static void add(int[] total, int[] counts) {
        total[0] += counts[0];
        total[1] += counts[1];
    }

    /** @return {right, pages} */
    private static int[] report(
            String label, String set, List<TitledPage> pages, boolean verbose, Function<Integer, String> found) {
        int right = 0;
        for (int i = 0; i < pages.size(); i++) {
            String title = found.apply(i);
            boolean ok = matches(title, pages.get(i).title());
            if (ok) {
                right++;
            } else if (verbose) {
                System.out.printf(
                        "  %s %s: got [%s] want [%s]%n",
                        label, pages.get(i).id(), title, pages.get(i).title());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-40s %-12s %6d %6d %8.3f%n",
                label,
                set,
                pages.size(),
                right,
                right / (double) Math.max(1, pages.size()));
        return new int[] {right, pages.size()};
    }

    static boolean matches(String found, String gold) {
        if (found == null) {
            return false;
        }
        String got = normalise(found);
        for (String wanted : goldForms(gold)) {
            if (got.equals(wanted) || tokenF1(got, wanted) >= TOKEN_F1) {
                return true;
            }
        }
        return false;
    }

    /** The gold title, and each part of it around a site-name separator. */
    private static List<String> goldForms(String gold) {
        List<String> forms = new ArrayList<>();
        forms.add(normalise(gold));
        for (String separator : SEPARATORS) {
            int at = gold.indexOf(separator);
            if (at > 0) {
                forms.add(normalise(gold.substring(0, at)));
                forms.add(normalise(gold.substring(gold.lastIndexOf(separator) + separator.length())));
                forms.add(normalise(gold.substring(0, gold.lastIndexOf(separator))));
            }
        }
        return forms;
    }

    static String normalise(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
        return s.replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$", "");
    }

    private static double tokenF1(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        List<String> rest = new ArrayList<>(y);
        int common = 0;
        for (String token : x) {
            if (rest.remove(token)) {
                common++;
            }
        }
        double p = common / (double) x.size();
        double r = common / (double) y.size();
        return common == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static List<String> tokens(String s) {
        return Stream.of(s.split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toList();
    }

    private static List<TitledPage> trafilatura(Path dir) throws IOException {
        JsonNode data = JSON.readTree(dir.resolve("evaldata.json").toFile());
        List<TitledPage> pages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            String title = entry.getValue().path("title").asText("");
            if (title.isBlank()) {
                continue;
            }
            String file = entry.getValue().path("file").asText() + ".gz";
            Path path = dir.resolve("eval").resolve(file);
            if (!Files.exists(path)) {
                path = dir.resolve("cache").resolve(file);
            }
            pages.add(
                    new TitledPage(file, entry.getKey(), ExtractionPages.decode(ExtractionPages.gunzip(path)), title));
        }
        return pages;
    }

    private static List<TitledPage> readability(Path dir) throws IOException {
        List<TitledPage> pages = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return pages;
        }
        try (Stream<Path> folders = Files.list(dir).sorted()) {
            for (Path folder : folders.toList()) {
                Path metadata = folder.resolve("expected-metadata.json");
                Path source = folder.resolve("source.html");
                if (!Files.exists(metadata) || !Files.exists(source)) {
                    continue;
                }
                String title = JSON.readTree(metadata.toFile()).path("title").asText("");
                if (!title.isBlank()) {
                    pages.add(new TitledPage(
                            folder.getFileName().toString(),
                            "http://fakehost/test/page.html",
                            ExtractionPages.decode(Files.readAllBytes(source)),
                            title));
                }
            }
        }
        return pages;
    }

    private static List<TitledPage> zyte(Path dir) throws IOException {
        JsonNode truth = JSON.readTree(dir.resolve("ground-truth.json").toFile());
        List<TitledPage> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : truth.properties()) {
            byte[] bytes = ExtractionPages.gunzip(dir.resolve("html").resolve(entry.getKey() + ".html.gz"));
            String html = new String(bytes, StandardCharsets.UTF_8);
            Document document = Jsoup.parse(html);
            Element og = document.selectFirst("meta[property=og:title]");
            String title = og != null && !og.attr("content").isBlank() ? og.attr("content") : document.title();
            if (!title.isBlank() && seen.add(entry.getKey())) {
                pages.add(new TitledPage(
                        entry.getKey(), entry.getValue().path("url").asText(""), html, title));
            }
        }
        return pages;
    }
}
