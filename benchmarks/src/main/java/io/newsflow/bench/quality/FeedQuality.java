package io.newsflow.bench.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.ingest.article.ArticleSubmission;
import io.newsflow.ingest.dedup.UrlCanonicalizer;
import io.newsflow.ingest.feed.FeedArticles;
import io.newsflow.ingest.feed.FeedParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many of the items of real feeds get in: the feed parser (and the mapping of an item to an article) over every
 * well-formed feed of five public parsers' test corpora, against what a careful reader of the same files expects.
 *
 * <p>The careful reader ({@link FeedReference}) is independent of the parser: the JDK's DOM parser (DOCTYPEs never
 * loaded) decides whether a file is a well-formed feed and which items it has; an item is expected when it has any
 * text (a title, description, content or summary). An item is counted in when the parser yields it and the ingest
 * path would take it: it has a text or HTML body and an identity (a web address, or any absolute URI). Refused files
 * are counted with their reasons.
 *
 * <p>Usage: {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath)
 * io.newsflow.bench.quality.FeedQuality ../shared/data [-v]}
 */
public final class FeedQuality {

    private static final List<String> CORPORA = List.of("feedparser", "rome", "gofeed", "feedjira", "rss-parser");
    /** Ill-formed on purpose, or not feeds: feedparser's ill-formed set, gofeed's invalid JSON and expected outputs. */
    private static final Pattern LEFT_OUT = Pattern.compile(".*(/illformed/|/invalid/|_expected\\.json$|/output/).*");

    private static final Pattern HEADER = Pattern.compile("(?m)^Header:\\s*([A-Za-z-]+):\\s*(.*?)\\s*$");

    private FeedQuality() {}

    /** One file's tally: expected items, items in, and whether the parser refused the file. */
    private record Tally(String corpus, String format, int expected, int in, String refusal, Path file) {}

    public static void main(String[] args) throws IOException {
        Path feeds = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("feeds");
        boolean verbose = List.of(args).contains("-v");
        if (!Files.isDirectory(feeds)) {
            System.out.println("No feed corpora under " + feeds.toAbsolutePath().normalize()
                    + " (expected feeds/feedparser, feeds/rome, ...): nothing to measure.");
            return;
        }
        FeedParser parser = new FeedParser(new ObjectMapper());
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        List<Tally> tallies = new ArrayList<>();
        Map<String, Integer> notFeeds = new TreeMap<>();
        for (String corpus : CORPORA) {
            Path root = feeds.resolve(corpus);
            if (!Files.isDirectory(root)) {
                System.out.println("(" + corpus + " is absent: left out)");
                continue;
            }
            for (Path file : files(root)) {
                byte[] bytes = Files.readAllBytes(file);
                FeedReference.Expected expected = FeedReference.read(bytes, file.toString());
                if (expected == null) {
                    notFeeds.merge(corpus, 1, Integer::sum);
                    if (verbose) {
                        System.out.println("not a well-formed feed: " + file);
                    }
                    continue;
                }
                Map<String, String> headers = headers(bytes);
                String contentType = headers.getOrDefault(
                        "content-type", expected.format().equals("JSON Feed") ? "application/feed+json" : null);
                int in = 0;
                String refusal = null;
                try {
                    FeedParser.ParsedFeed feed = parser.parse(bytes, contentType, headers.get("content-location"));
                    for (FeedParser.FeedItem item : feed.items()) {
                        if (isTaken(FeedArticles.of(feed, item), canonicalizer)) {
                            in++;
                        }
                    }
                } catch (InvalidInputException e) {
                    refusal = e.getMessage();
                } catch (RuntimeException e) {
                    refusal = "crash: " + e;
                }
                tallies.add(new Tally(
                        corpus, expected.format(), expected.items(), Math.min(in, expected.items()), refusal, file));
            }
        }
        print(tallies, notFeeds, verbose);
    }

    /** Whether the ingest path would take the article: the checks {@code ArticleService} makes before the ledger. */
    static boolean isTaken(ArticleSubmission article, UrlCanonicalizer canonicalizer) {
        boolean hasBody = article.body() != null && !article.body().isBlank();
        boolean hasHtml = article.html() != null && !article.html().isBlank();
        if (!hasBody && !hasHtml) {
            return false;
        }
        boolean hasUrl = article.url() != null && !article.url().isBlank();
        boolean hasUri = article.uri() != null && !article.uri().isBlank();
        try {
            if (hasUrl) {
                canonicalizer.canonicalize(article.url(), "url");
            }
            if (hasUri) {
                String uri = article.uri().strip();
                if (UrlCanonicalizer.isWebAddress(uri)) {
                    canonicalizer.canonicalize(uri, "uri");
                } else if (!UrlCanonicalizer.isAbsoluteUri(uri)) {
                    return false;
                }
            }
        } catch (InvalidInputException e) {
            return false;
        }
        return hasUrl || hasUri;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".xml")
                                || name.endsWith(".rss")
                                || name.endsWith(".atom")
                                || name.endsWith(".rdf")
                                || name.endsWith(".json");
                    })
                    .filter(f ->
                            !LEFT_OUT.matcher(f.toString().replace('\\', '/')).matches())
                    .sorted()
                    .toList();
        }
    }

    /** The HTTP headers a feedparser test file states in its comment ({@code Header: Content-type: ...}). */
    private static Map<String, String> headers(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2000), java.nio.charset.StandardCharsets.ISO_8859_1);
        Map<String, String> headers = new TreeMap<>();
        Matcher m = HEADER.matcher(head);
        while (m.find()) {
            headers.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        return headers;
    }

    private static void print(List<Tally> tallies, Map<String, Integer> notFeeds, boolean verbose) {
        System.out.printf(
                "%-14s %-12s %6s %8s %6s %7s %7s%n", "format", "corpus", "files", "expected", "in", "ratio", "refused");
        Map<String, List<Tally>> byFormat = new TreeMap<>();
        tallies.forEach(t ->
                byFormat.computeIfAbsent(t.format(), k -> new ArrayList<>()).add(t));
        for (var format : byFormat.entrySet()) {
            Map<String, List<Tally>> byCorpus = new TreeMap<>();
            format.getValue()
                    .forEach(t -> byCorpus.computeIfAbsent(t.corpus(), k -> new ArrayList<>())
                            .add(t));
            for (var corpus : byCorpus.entrySet()) {
                row(format.getKey(), corpus.getKey(), corpus.getValue());
            }
            row(format.getKey(), "all", format.getValue());
        }
        row("all formats", "all", tallies);
        System.out.println("left out, not well-formed feeds (OPML, expected outputs, XML errors): " + notFeeds);
        Map<String, Integer> reasons = new TreeMap<>();
        for (Tally t : tallies) {
            if (t.refusal() != null) {
                reasons.merge(
                        t.refusal()
                                .replaceAll("line \\d+, column \\d+", "line L, column C")
                                .replaceAll("\"[^\"]{0,80}\"", "\"...\""),
                        1,
                        Integer::sum);
            }
        }
        if (!reasons.isEmpty()) {
            System.out.println("refusals of well-formed feeds, by reason:");
            reasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(25)
                    .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), shorten(e.getKey())));
        }
        if (verbose) {
            System.out.println("files where items were lost:");
            tallies.stream()
                    .filter(t -> t.in() < t.expected())
                    .forEach(t -> System.out.printf(
                            "  %d/%d %s %s%n",
                            t.in(), t.expected(), t.file(), t.refusal() == null ? "" : shorten(t.refusal())));
        }
    }

    private static void row(String format, String corpus, List<Tally> tallies) {
        int expected = tallies.stream().mapToInt(Tally::expected).sum();
        int in = tallies.stream().mapToInt(Tally::in).sum();
        long refused = tallies.stream().filter(t -> t.refusal() != null).count();
        System.out.printf(
                "%-14s %-12s %6d %8d %6d %7s %7d%n",
                format,
                corpus,
                tallies.size(),
                expected,
                in,
                expected == 0 ? "-" : String.format("%.3f", (double) in / expected),
                refused);
    }

    private static String shorten(String s) {
        String line = s.lines().findFirst().orElse(s);
        return line.length() > 150 ? line.substring(0, 150) + "..." : line;
    }
}
