package io.newsflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and malformed input against the three running services: each case is one request and the status it
 * must get. Every answer must be that status and never a 5xx; a 4xx must be a problem+json with a title, the status
 * and a detail; no body may carry a stack trace; and the services must still be ready afterwards. A table of every
 * case goes to stdout.
 *
 * <p>A few refusals happen in the HTTP server itself, before any route exists to answer them (a malformed
 * {@code Content-Length}, a request line over 4 KB, a chunked body over the limit): those cases say so, and only
 * their status is checked.
 */
@ExtendWith(RunningSystem.class)
class HostileInputIT {

    private static final String INGEST = RunningSystem.INGEST;
    private static final String ENRICH = RunningSystem.ENRICH;
    private static final String SEARCH = RunningSystem.SEARCH;
    private static final String ARTICLES = "/api/v1/articles";
    private static final String FEEDS = "/api/v1/feeds/items";
    private static final String ENRICH_PATH = "/api/v1/enrich";
    private static final String ENTITIES = "/api/v1/entities";
    private static final String SEARCH_PATH = "/api/v1/search";
    private static final Path FEEDPARSER_ILLFORMED =
            RunningSystem.REPOSITORY.resolve("../shared/data/feeds/feedparser/tests/illformed");
    /** Over the services' 10 MB body limit. */
    private static final int OVER_LIMIT = 11 * 1024 * 1024;

    private static final List<String> STACK_TRACE_MARKERS = List.of("\tat ", "at io.", "at java.", "Exception");
    private static final ConcurrentLinkedQueue<String> TABLE = new ConcurrentLinkedQueue<>();

    private static String sourceKey;
    private static String adminKey;

    @BeforeAll
    static void registerANewsroom() {
        sourceKey = RunningSystem.newSource("Hostile input newsroom");
        adminKey = RunningSystem.adminKey();
    }

    @AfterAll
    static void printTheTable() {
        System.out.printf("%n%-62s %-9s %-5s %s%n", "case", "expected", "got", "ms");
        TABLE.forEach(System.out::println);
        System.out.printf("%d cases%n", TABLE.size());
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsAClearAnswer() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(articleJson());
        cases.addAll(articleFields());
        cases.addAll(articleTransport());
        cases.addAll(ndjson());
        cases.addAll(articleIds());
        cases.addAll(pages());
        cases.addAll(feeds());
        cases.addAll(feedparserIllFormed());
        cases.addAll(enrich());
        cases.addAll(searchSizeAndCursor());
        cases.addAll(searchQueries());
        cases.addAll(searchDatesAndFilters());
        cases.addAll(otherReads());
        assertThat(cases.stream().filter(c -> !c.name().startsWith("feedparser")))
                .hasSizeGreaterThanOrEqualTo(100);
        return Stream.concat(
                cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c))),
                Stream.of(DynamicTest.dynamicTest("every service is still ready", HostileInputIT::allReady)));
    }

    // ---- the cases ------------------------------------------------------------------------------------------

    private static List<Case> articleJson() {
        return List.of(
                article("json: truncated object")
                        .json("{\"url\":\"https://x.example/a\",\"title\":\"x")
                        .expect(400),
                article("json: truncated array").json("[{\"url\":").expect(400),
                article("json: truncated unicode escape")
                        .json("{\"title\":\"\\u12")
                        .expect(400),
                article("json: unquoted keys")
                        .json("{url:\"https://x.example/a\"}")
                        .expect(400),
                article("json: single quotes")
                        .json("{'url':'https://x.example/a'}")
                        .expect(400),
                article("json: comment")
                        .json("/* hi */ {\"url\":\"https://x.example/a\"}")
                        .expect(400),
                article("json: NaN").json("{\"title\":NaN}").expect(400),
                article("json: trailing comma")
                        .json("{\"url\":\"https://x.example/a\",}")
                        .expect(400),
                article("json: empty body").json("").expect(400),
                article("json: only whitespace").json("  \n\t ").expect(400),
                article("json: null").json("null").expect(400),
                article("json: a number").json("42").expect(400),
                article("json: a string").json("\"an article\"").expect(400),
                article("json: true").json("true").expect(400),
                article("json: empty array").json("[]").expect(400),
                article("json: array of numbers (each rejected)")
                        .json("[1,2,3]")
                        .then(r -> assertThat(r.body()).contains("rejected").doesNotContain("accepted"))
                        .expect(202),
                article("json: arrays nested 5,000 deep")
                        .json("[".repeat(5000) + "]".repeat(5000))
                        .then(HostileInputIT::namesTheNesting)
                        .expect(400),
                article("json: objects nested 3,000 deep")
                        .json("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))
                        .then(HostileInputIT::namesTheNesting)
                        .expect(400),
                article("json: a number of 5,000 digits")
                        .json("{\"url\":\"https://x.example/n\",\"title\":\"t\",\"body\":\"b\",\"n\":"
                                + "9".repeat(5000) + "}")
                        .expect(400),
                article("json: a field name of 100,000 characters")
                        .json("{\"" + "k".repeat(100_000) + "\":1}")
                        .expect(400),
                article("json: 10,001 articles in one array")
                        .json("[" + String.join(",", java.util.Collections.nCopies(10_001, "{}")) + "]")
                        .expect(400),
                article("json: invalid UTF-8 bytes")
                        .type("application/json")
                        .body(bytes("{\"url\":\"https://x.example/u\",\"title\":\"", 0xff, 0xfe, "\",\"body\":\"b\"}"))
                        .expect(400),
                // Jackson's decoder reads an overlong sequence as the character it spells ("/"), nothing worse
                article("json: overlong UTF-8 encoding of '/' (read as '/')")
                        .type("application/json")
                        .body(bytes(
                                "{\"url\":\"" + url("overlong") + "\",\"title\":\"A ",
                                0xc0,
                                0xaf,
                                " B\",\"body\":\"Text.\"}"))
                        .expect(202),
                article("json: nested 40 deep in an extra field (valid)")
                        .json(validArticle("nested-extra", "\"extra1\":" + "[".repeat(40) + "]".repeat(40)))
                        .expect(202));
    }

    private static List<Case> articleFields() {
        return List.of(
                article("field: wrong types")
                        .json("{\"url\":1,\"title\":[],\"body\":{}}")
                        .expect(400),
                article("field: authors not an array")
                        .json(validArticle("authors", "\"authors\":\"Jane\""))
                        .expect(400),
                article("field: 101 tags")
                        .json(validArticle(
                                "tags",
                                "\"tags\":[" + String.join(",", java.util.Collections.nCopies(101, "\"t\"")) + "]"))
                        .expect(400),
                article("field: title of 1,001 characters")
                        .json(jsonArticle(url("long-title"), "t".repeat(1001), "body"))
                        .expect(400),
                article("field: body of 2,000,001 characters")
                        .json(jsonArticle(url("long-body"), "Long body", "b".repeat(2_000_001)))
                        .expect(400),
                article("field: url of 2,049 characters")
                        .json(jsonArticle("https://x.example/" + "u".repeat(2031), "t", "b"))
                        .expect(400),
                article("field: url javascript:")
                        .json(jsonArticle("javascript:alert(1)", "t", "b"))
                        .expect(400),
                article("field: url file:")
                        .json(jsonArticle("file:///etc/passwd", "t", "b"))
                        .expect(400),
                article("field: url relative")
                        .json(jsonArticle("/news/a", "t", "b"))
                        .expect(400),
                article("field: url with CR LF and a header")
                        .json(jsonArticle("https://x.example/a\r\nSet-Cookie: x=1", "t", "b"))
                        .expect(400),
                article("field: url without a host")
                        .json(jsonArticle("http://", "t", "b"))
                        .expect(400),
                article("date: not a date")
                        .json(validArticle("d1", "\"publishedAt\":\"yesterday\""))
                        .expect(400),
                article("date: year 10000")
                        .json(validArticle("d2", "\"publishedAt\":\"+10000-01-01T00:00:00Z\""))
                        .expect(400),
                article("date: year -1")
                        .json(validArticle("d3", "\"publishedAt\":\"-0001-01-01T00:00:00Z\""))
                        .expect(400),
                article("date: February 30")
                        .json(validArticle("d4", "\"publishedAt\":\"2024-02-30T00:00:00Z\""))
                        .expect(400),
                article("date: hour 25")
                        .json(validArticle("d5", "\"publishedAt\":\"2024-05-01T25:00:00Z\""))
                        .expect(400),
                article("date: offset +25:00")
                        .json(validArticle("d6", "\"publishedAt\":\"2024-05-01T00:00:00+25:00\""))
                        .expect(400),
                article("date: a number of 1e20")
                        .json(validArticle("d7", "\"publishedAt\":1e20"))
                        .expect(400),
                article("date: a huge negative number")
                        .json(validArticle("d8", "\"publishedAt\":-99999999999999999"))
                        .expect(400),
                article("date: year 9999 (valid)")
                        .json(validArticle("d9", "\"publishedAt\":\"9999-12-31T23:59:59Z\""))
                        .expect(202),
                article("field: language !!")
                        .json(validArticle("lang", "\"language\":\"!!\""))
                        .expect(400),
                article("field: NUL character in the title (valid JSON)")
                        .json(jsonArticle(url("nul"), "Before\\u0000after", "Text with \\u0000 a NUL."))
                        .expect(202),
                article("field: lone surrogate in the title (valid JSON)")
                        .json(jsonArticle(url("surrogate"), "Broken \\ud800 pair", "Text."))
                        .expect(202),
                article("html: scripts and event handlers (valid)")
                        .json(jsonHtmlArticle(
                                url("script"),
                                "<script>alert(1)</script>Headline",
                                "<p onmouseover=\\\"alert(2)\\\">Floods</p><script>alert(3)</script>"
                                        + "<img src=x onerror=alert(4)><a href=\\\"javascript:alert(5)\\\">x</a>"))
                        .expect(202));
    }

    private static List<Case> articleTransport() {
        byte[] overLimit = new byte[OVER_LIMIT];
        java.util.Arrays.fill(overLimit, (byte) ' ');
        return List.of(
                article("type: text/csv").type("text/csv").body("url,title").expect(415),
                article("type: application/xml")
                        .type("application/xml")
                        .body("<a/>")
                        .expect(415),
                article("type: multipart/form-data")
                        .type("multipart/form-data; boundary=x")
                        .body("--x--")
                        .expect(415),
                article("type: not a media type ;;;/").type(";;;/").body("{}").expect(415),
                article("type: none, empty object").body("{}").expect(400),
                article("size: 11 MB declared")
                        .type("application/json")
                        .body(overLimit)
                        .expect(413),
                article("size: 11 MB chunked (HTTP layer)")
                        .type("application/json")
                        .body(overLimit)
                        .chunked()
                        .httpLayer()
                        .expect(413),
                article("length: Content-Length abc (HTTP layer)")
                        .type("application/json")
                        .header("Content-Length: abc")
                        .body("{}")
                        .httpLayer()
                        .expect(400),
                article("length: Content-Length -1 (HTTP layer)")
                        .type("application/json")
                        .header("Content-Length: -1")
                        .body("{}")
                        .httpLayer()
                        .expect(400),
                article("length: Content-Length 2^66 (HTTP layer)")
                        .type("application/json")
                        .header("Content-Length: 99999999999999999999")
                        .body("{}")
                        .httpLayer()
                        .expect(400),
                to("method: GET on the article collection", INGEST, "GET", ARTICLES)
                        .key(sourceKey)
                        .expect(405),
                to("method: PUT on the article collection", INGEST, "PUT", ARTICLES)
                        .key(sourceKey)
                        .json("{}")
                        .expect(405));
    }

    private static List<Case> ndjson() {
        byte[] longLine = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(longLine, (byte) 'a');
        byte[] overLimit = new byte[OVER_LIMIT];
        java.util.Arrays.fill(overLimit, (byte) '\n');
        Consumer<RawHttp.Reply> rejected = r -> assertThat(r.body()).contains("rejected");
        return List.of(
                ndjsonCase("ndjson: a line nested 3,000 deep")
                        .body("{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "\n")
                        .then(rejected)
                        .expect(202),
                ndjsonCase("ndjson: a line of invalid UTF-8")
                        .body(bytes("{\"url\":\"https://x.example/n\",\"title\":\"", 0xff, "\"}\n"))
                        .then(rejected)
                        .expect(202),
                ndjsonCase("ndjson: only blank lines").body("\n\n  \n").expect(400),
                ndjsonCase("ndjson: one line of 9 MB")
                        .body(longLine)
                        .then(rejected)
                        .expect(202),
                ndjsonCase("ndjson: a truncated last line")
                        .body("{\"url\":\"https://x.example/t\",\"title\":\"t")
                        .then(rejected)
                        .expect(202),
                ndjsonCase("ndjson: 11 MB chunked (HTTP layer)")
                        .body(overLimit)
                        .chunked()
                        .httpLayer()
                        .expect(413));
    }

    private static List<Case> articleIds() {
        return List.of(
                status("id: ..%2F..%2Fetc%2Fpasswd", "..%2F..%2Fetc%2Fpasswd").expect(400),
                status("id: %00", "%00").expect(400),
                status("id: 3,000 characters", "a".repeat(3000)).expect(400),
                status("id: SQL ' OR 1=1--", enc("' OR 1=1--")).expect(400),
                status("id: a UUID nobody has", UUID.randomUUID().toString()).expect(404),
                status("id: broken escape %zz (HTTP layer)", "%zz").httpLayer().expect(400),
                to("path: ../../etc/passwd raw", INGEST, "GET", "/api/v1/../../../etc/passwd")
                        .key(sourceKey)
                        .expect(404));
    }

    private static List<Case> pages() {
        String page = "/api/v1/pages?url=" + enc(url("page"));
        return List.of(
                to("page: no url", INGEST, "POST", "/api/v1/pages")
                        .key(sourceKey)
                        .type("text/plain")
                        .body("Headline\nText")
                        .expect(400),
                to("page: url of 2,049 characters", INGEST, "POST", "/api/v1/pages?url=" + "u".repeat(2049))
                        .key(sourceKey)
                        .type("text/plain")
                        .body("Headline\nText")
                        .expect(400),
                to("page: empty body", INGEST, "POST", page)
                        .key(sourceKey)
                        .type("text/html")
                        .body("")
                        .expect(400),
                to("page: html without a title (valid: enrichment finds or derives one)", INGEST, "POST", page)
                        .key(sourceKey)
                        .type("text/html")
                        .body("<html><body><p>No title anywhere</p></body></html>")
                        .expect(202),
                to("page: charset %%% (ignored)", INGEST, "POST", "/api/v1/pages?url=" + enc(url("charset1")))
                        .key(sourceKey)
                        .type("text/plain; charset=%%%")
                        .body("A headline\nThe text of the page.")
                        .expect(202),
                to("page: empty charset (ignored)", INGEST, "POST", "/api/v1/pages?url=" + enc(url("charset2")))
                        .key(sourceKey)
                        .type("text/html; charset=")
                        .body("<html><head><title>A headline</title></head><body><p>Text.</p></body></html>")
                        .expect(202),
                to("page: text that is not UTF-8", INGEST, "POST", page)
                        .key(sourceKey)
                        .type("text/plain; charset=utf-8")
                        .body(bytes("Headline\n", 0xc3, 0x28))
                        .expect(400),
                to("page: application/pdf", INGEST, "POST", page)
                        .key(sourceKey)
                        .type("application/pdf")
                        .body("%PDF-1.4")
                        .expect(415),
                to("page: html with scripts and handlers", INGEST, "POST", "/api/v1/pages?url=" + enc(url("xss")))
                        .key(sourceKey)
                        .type("text/html")
                        .body("<html><head><title>Safe <script>alert(1)</script></title></head><body onload=alert(2)>"
                                + "<p>Text <img src=x onerror=alert(3)></p><script>alert(4)</script></body></html>")
                        .expect(202));
    }

    private static List<Case> feeds() {
        return List.of(
                feed("feed: XXE reading a file", "application/rss+xml", fixture("xxe-file.xml"))
                        .expect(400),
                feed("feed: XXE over http", "application/rss+xml", fixture("xxe-http.xml"))
                        .expect(400),
                feed("feed: billion laughs", "application/rss+xml", fixture("billion-laughs.xml"))
                        .expect(400),
                feed("feed: quadratic blow-up", "application/xml", quadraticBlowup())
                        .expect(400),
                // a DOCTYPE is skipped, never resolved: the DTD is not fetched, the feed is read
                feed("feed: external DTD (skipped, not fetched)", "application/atom+xml", fixture("external-dtd.xml"))
                        .then(r -> assertThat(r.body()).containsPattern("\"status\":\"(accepted|duplicate)\""))
                        .expect(202),
                // the parameter entities are never read: nothing is fetched, the channel (no items) is taken
                feed("feed: parameter entities (never read)", "application/rss+xml", fixture("parameter-entity.xml"))
                        .then(r -> assertThat(r.body()).isEqualTo("[]"))
                        .expect(202),
                feed("feed: XInclude of a file (not followed)", "application/atom+xml", fixture("xinclude.xml"))
                        // the file's words never come back; the item is taken (or a duplicate of an earlier run's)
                        .then(r -> assertThat(r.body())
                                .containsPattern("\"status\":\"(accepted|duplicate)\"")
                                .doesNotContain("root:"))
                        .expect(202),
                feed("feed: undeclared entity", "application/rss+xml", fixture("undeclared-entity.xml"))
                        .expect(400),
                feed("feed: unclosed elements", "application/rss+xml", fixture("unclosed.xml"))
                        .expect(400),
                feed("feed: bogus encoding", "application/xml", fixture("bogus-encoding.xml"))
                        .expect(400),
                feed("feed: absurd dates (kept without them)", "application/rss+xml", fixture("absurd-dates.xml"))
                        .expect(202),
                feed("feed: scripts in items", "application/rss+xml", fixture("scripts.xml"))
                        .expect(202),
                // the XML parser stops at 100 levels (jdk.xml.maxElementDepth)
                feed("feed: elements nested 20,000 deep", "application/rss+xml", deepFeed(20_000))
                        .expect(400),
                feed(
                                "feed: no items",
                                "application/rss+xml",
                                "<rss version=\"2.0\"><channel><title>t</title>" + "</channel></rss>")
                        .expect(202),
                feed(
                                "feed: invalid UTF-8 (read leniently, in a single-byte charset)",
                                "application/rss+xml",
                                bytes("<rss version=\"2.0\"><channel><title>", 0xff, 0xfe, "</title></channel></rss>"))
                        .expect(202),
                feed("feed: plain text", "application/xml", "this is not a feed")
                        .expect(400),
                feed("feed: empty", "application/rss+xml", "").expect(400),
                feed("feed: text/plain type", "text/plain", "<rss/>").expect(415),
                feed(
                                "feed: JSON Feed of another version",
                                "application/feed+json",
                                "{\"version\":\"https://jsonfeed.org/version/9\",\"items\":[]}")
                        .expect(400),
                feed(
                                "feed: JSON Feed items not an array",
                                "application/feed+json",
                                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":{}}")
                        .expect(400),
                feed(
                                "feed: JSON Feed nested 3,000 deep",
                                "application/feed+json",
                                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))
                        .then(HostileInputIT::namesTheNesting)
                        .expect(400));
    }

    /** feedparser's ill-formed feeds: refused when they are not well-formed XML (a DOCTYPE set aside), else taken. */
    private static List<Case> feedparserIllFormed() {
        if (!Files.isDirectory(FEEDPARSER_ILLFORMED)) {
            System.out.println("[hostile input] " + FEEDPARSER_ILLFORMED + " is absent: the feedparser ill-formed"
                    + " feeds are skipped (the shared data is not part of a fresh clone)");
            return List.of();
        }
        try (Stream<Path> files = Files.walk(FEEDPARSER_ILLFORMED)) {
            return files.filter(f -> f.toString().endsWith(".xml"))
                    .sorted()
                    .map(f -> {
                        byte[] body = read(f);
                        String name = "feedparser: " + FEEDPARSER_ILLFORMED.relativize(f);
                        return to(name, INGEST, "POST", FEEDS)
                                .key(sourceKey)
                                .type("application/xml")
                                .body(body)
                                .expect(wellFormedWithoutDoctype(body) ? 202 : 400);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> enrich() {
        String deepHtml =
                "<html><body>" + "<div>".repeat(150_000) + "deep" + "</div>".repeat(150_000) + "</body></html>";
        return List.of(
                enrichCase("enrich: truncated JSON").json("{\"title\":\"x").expect(400),
                enrichCase("enrich: nested 5,000 deep")
                        .json("[".repeat(5000) + "]".repeat(5000))
                        .expect(400),
                enrichCase("enrich: both text and html")
                        .json("{\"title\":\"t\",\"text\":\"a\",\"html\":\"<p>b</p>\"}")
                        .expect(400),
                enrichCase("enrich: neither text nor html")
                        .json("{\"title\":\"t\"}")
                        .expect(400),
                enrichCase("enrich: both text and page")
                        .json("{\"title\":\"t\",\"text\":\"a\",\"page\":\"b\"}")
                        .expect(400),
                enrichCase("enrich: text without a title")
                        .json("{\"text\":\"a\"}")
                        .expect(400),
                enrichCase("enrich: page without a title (valid)")
                        .json("{\"page\":\"Menu\\nRivers flood the town\\nRivers flooded the town on Monday after"
                                + " three days of rain, the mayor said, and hundreds of people left their homes.\"}")
                        .expect(200),
                enrichCase("enrich: blank title")
                        .json("{\"title\":\"  \",\"text\":\"a\"}")
                        .expect(400),
                enrichCase("enrich: title of 1,001 characters")
                        .json("{\"title\":\"" + "t".repeat(1001) + "\",\"text\":\"a\"}")
                        .expect(400),
                enrichCase("enrich: text of 2,000,001 characters")
                        .json("{\"title\":\"t\",\"text\":\"" + "a".repeat(2_000_001) + "\"}")
                        .expect(400),
                enrichCase("enrich: url of 2,049 characters")
                        .json("{\"title\":\"t\",\"text\":\"a\",\"url\":\"" + "u".repeat(2049) + "\"}")
                        .expect(400),
                enrichCase("enrich: text/plain type")
                        .type("text/plain")
                        .body("hello")
                        .expect(415),
                enrichCase("enrich: not a media type ;;;/")
                        .type(";;;/")
                        .body("{}")
                        .expect(415),
                enrichCase("enrich: invalid UTF-8")
                        .type("application/json")
                        .body(bytes("{\"title\":\"", 0xff, 0xfe, "\",\"text\":\"a\"}"))
                        .expect(400),
                enrichCase("enrich: html nested 150,000 deep (valid)")
                        .json("{\"title\":\"Deep\",\"html\":\"" + deepHtml + "\"}")
                        .expect(200),
                enrichCase("enrich: html with scripts and handlers (valid)")
                        .json("{\"title\":\"Floods\",\"html\":\"<p onclick=\\\"alert(1)\\\">Rivers flooded the town"
                                + " on Monday.</p><script>alert(2)</script><img src=x onerror=alert(3)>\"}")
                        .then(r -> assertThat(r.body()).doesNotContain("alert(").doesNotContain("<script"))
                        .expect(200),
                enrichCase("enrich: 11 MB declared")
                        .type("application/json")
                        .body(new byte[OVER_LIMIT])
                        .expect(413),
                to("entities: ..%2F..%2Fetc%2Fpasswd", ENRICH, "GET", ENTITIES + "/..%2F..%2Fetc%2Fpasswd")
                        .expect(400),
                to("entities: a UUID nobody has", ENRICH, "GET", ENTITIES + "/" + UUID.randomUUID())
                        .expect(404),
                to("entities: q of 3,000 characters", ENRICH, "GET", ENTITIES + "?q=" + "x".repeat(3000))
                        .expect(200),
                to("entities: create with an unknown type", ENRICH, "POST", ENTITIES)
                        .key(adminKey)
                        .json("{\"type\":\"planet\",\"name\":\"Mars\"}")
                        .expect(400),
                to("entities: create a name without a letter", ENRICH, "POST", ENTITIES)
                        .key(adminKey)
                        .json("{\"type\":\"person\",\"name\":\"1234 !!\"}")
                        .expect(400),
                to("entities: country usa", ENRICH, "POST", ENTITIES)
                        .key(adminKey)
                        .json("{\"type\":\"location\",\"name\":\"Somewhere\",\"country\":\"usa\"}")
                        .expect(400),
                to("entities: replace a non-UUID id", ENRICH, "PUT", ENTITIES + "/..%2Fx")
                        .key(adminKey)
                        .json("{\"type\":\"person\",\"name\":\"Ann\"}")
                        .expect(400));
    }

    private static List<Case> searchSizeAndCursor() {
        List<Case> cases = new ArrayList<>();
        for (String size : List.of("-1", "0", "101", "99999999999999999999", "abc", "1e3", "0x10", "%00", "1%3BDROP")) {
            cases.add(search("size=" + size, "size=" + size).expect(400));
        }
        cases.add(search("size= (blank: the default)", "size=%20").expect(200));
        cases.add(
                search("cursor: not base64", "sort=newest&cursor=" + enc("!!!")).expect(400));
        cases.add(search("cursor: %%", "sort=newest&cursor=%25%25").expect(400));
        cases.add(search("cursor: 2,001 characters", "sort=newest&cursor=" + "A".repeat(2001))
                .expect(400));
        cases.add(search(
                        "cursor: base64 of nested JSON",
                        "sort=newest&cursor=" + cursor("[".repeat(700) + "]".repeat(700)))
                .expect(400));
        cases.add(search("cursor: of another sort", "sort=newest&cursor=" + relevanceAt(10))
                .expect(400));
        cases.add(search("cursor: negative position", "q=flood&cursor=" + relevanceAt(-5))
                .expect(400));
        cases.add(search("cursor: position 10^20", "q=flood&cursor=" + relevanceAt("100000000000000000000"))
                .expect(400));
        cases.add(search("cursor: position past 10,000", "q=flood&cursor=" + relevanceAt(9995))
                .expect(400));
        cases.add(search("cursor: position 1.5e10", "q=flood&cursor=" + relevanceAt("1.5e10"))
                .expect(400));
        cases.add(search("cursor: date 1e400", "sort=newest&cursor=" + newestAt("1e400"))
                .expect(400));
        cases.add(search("cursor: date 1.5", "sort=newest&cursor=" + newestAt("1.5"))
                .expect(400));
        cases.add(search("cursor: date Long.MIN_VALUE", "sort=newest&cursor=" + newestAt(Long.MIN_VALUE))
                .expect(200));
        cases.add(search(
                        "cursor: three values",
                        "sort=newest&cursor=" + cursor("{\"sort\":\"newest\",\"after\":[1,\"x\",3]}"))
                .expect(400));
        return cases;
    }

    private static List<Case> searchQueries() {
        List<String> ors = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ors.add("w" + i);
        }
        return List.of(
                search("q: 1,001 characters", "q=" + "a".repeat(1001)).expect(400),
                search("q: 400 nested parentheses", "q=" + enc("(".repeat(400) + "a" + ")".repeat(400)))
                        .expect(200),
                search("q: 499 open parentheses", "q=" + enc("(".repeat(499))).expect(400),
                search("q: unbalanced quote", "q=" + enc("\"flood")).expect(400),
                search("q: leading *", "q=" + enc("*lood")).expect(400),
                search("q: leading ?", "q=" + enc("?lood")).expect(400),
                search("q: a lone * (every article, as no q)", "q=" + enc("*")).expect(200),
                search("q: 120 OR terms", "q=" + enc(String.join(" OR ", ors.subList(0, 120))))
                        .expect(200),
                search("q: 3,000 OR terms (HTTP layer: line too long)", "q=" + enc(String.join(" OR ", ors)))
                        .httpLayer()
                        .expect(414),
                search("q: trailing wildcards on common prefixes", "q=" + enc("a* OR b* OR c* OR s* OR t*"))
                        .expect(200),
                search("q: inner wildcards", "q=" + enc("a*b*c*d*e*f*g*h*")).expect(200),
                search("q: regular expression", "q=" + enc("/.*.*.*.*.*.*a/")).expect(200),
                search("q: 100 fuzzy words", "q=" + enc(fuzzy(100))).expect(200),
                search("q: phrase slop 100000", "q=" + enc("\"flood river\"~100000"))
                        .expect(200),
                search("q: boost 10^20", "q=" + enc("flood^100000000000000000000"))
                        .expect(200),
                search("q: field names", "q=" + enc("_id:* OR _index:articles OR sourceId:x"))
                        .expect(200),
                search("q: ranges", "q=" + enc("[a TO z] OR {0 TO 9} OR >=5")).expect(200),
                search("q: && || !", "q=" + enc("flood && river || !rain")).expect(200),
                search("q: a trailing backslash", "q=" + enc("flood\\")).expect(200),
                search("q: NUL", "q=%00").expect(200),
                search("q: AND AND", "q=" + enc("flood AND AND river")).expect(400),
                // titles come back as the newsroom wrote them (JSON text); the snippet is the HTML, escaped
                search("q: a script", "q=" + enc("<script>alert(1)</script>"))
                        .then(r -> assertThat(JsonPath.from(r.body()).getList("items.snippet", String.class))
                                .allSatisfy(snippet -> assertThat(snippet).doesNotContain("<script")))
                        .expect(200),
                search("q: invalid UTF-8 escapes", "q=%ff%fe%c3%28").expect(400),
                search("q: broken escape %zz (HTTP layer)", "q=%zz").httpLayer().expect(400));
    }

    private static List<Case> searchDatesAndFilters() {
        List<Case> cases = new ArrayList<>();
        for (String from : List.of(
                "0000-01-01",
                "1899-12-31",
                "10000-01-01",
                "-999999999-01-01",
                "2024-02-30",
                "2024-13-01",
                "2024-05-01T25:00:00Z",
                "now",
                "1e9",
                "2024-05-01T00:00:00+99:00")) {
            cases.add(search("from=" + from, "from=" + enc(from)).expect(400));
        }
        cases.add(search("from after to", "from=2024-05-02&to=2024-05-01").expect(400));
        cases.add(search("from and to in range (valid)", "from=2024-05-01&to=2024-05-02")
                .expect(200));
        cases.add(search("sort=bogus", "sort=bogus").expect(400));
        cases.add(search("duplicates=maybe", "duplicates=maybe").expect(400));
        cases.add(search("topic of 201 characters", "topic=" + "t".repeat(201)).expect(400));
        cases.add(search("language=../../etc (just a value)", "language=" + enc("../../etc"))
                .expect(200));
        cases.add(search(
                        "200 person filters",
                        "person=" + String.join("&person=", java.util.Collections.nCopies(200, "Ann")))
                .expect(200));
        return cases;
    }

    private static List<Case> otherReads() {
        return List.of(
                to("search article: ..%2F..%2Fetc%2Fpasswd", SEARCH, "GET", ARTICLES + "/..%2F..%2Fetc%2Fpasswd")
                        .expect(400),
                to("search article: a UUID nobody has", SEARCH, "GET", ARTICLES + "/" + UUID.randomUUID())
                        .expect(404),
                to("search article: backslashes", SEARCH, "GET", ARTICLES + "/a%5C..%5C..%5Cwindows")
                        .expect(400),
                to("similar: size=-1", SEARCH, "GET", ARTICLES + "/" + UUID.randomUUID() + "/similar?size=-1")
                        .expect(400),
                to("similar: size=abc", SEARCH, "GET", ARTICLES + "/" + UUID.randomUUID() + "/similar?size=abc")
                        .expect(400),
                to("trends: interval=minute", SEARCH, "GET", "/api/v1/trends/topics?interval=minute")
                        .expect(400),
                to("trends: hours over 24 years", SEARCH, "GET", "/api/v1/trends/topics?interval=hour&from=2000-01-01")
                        .expect(400),
                to("trends: size=0", SEARCH, "GET", "/api/v1/trends/topics?size=0")
                        .expect(400),
                to("trends: entities of type planet", SEARCH, "GET", "/api/v1/trends/entities?type=planet")
                        .expect(400),
                to("trends: entities without a type", SEARCH, "GET", "/api/v1/trends/entities")
                        .expect(400),
                to("search: POST", SEARCH, "POST", SEARCH_PATH).json("{}").expect(405),
                to("search: Accept application/xml", SEARCH, "GET", SEARCH_PATH)
                        .header("Accept: application/xml")
                        .expect(406),
                to("search: Accept ;;;/", SEARCH, "GET", SEARCH_PATH)
                        .header("Accept: ;;;/")
                        .expect(406));
    }

    // ---- what comes out at search ---------------------------------------------------------------------------

    /**
     * Scripts, event handlers and {@code javascript:} links go in as an HTML article and as plain text; what
     * search gives back has none of them live: the snippet is HTML-escaped (only the {@code <mark>}s are markup)
     * and the text extracted from the HTML lost the scripts.
     */
    @Test
    void scriptsComeOutOfSearchDead() {
        String token = "xss" + UUID.randomUUID().toString().replace("-", "");
        String htmlId = submit(Map.of(
                "url", url("xss-html-" + token),
                "title", "Flood warning " + token,
                "html",
                        "<html><body><article><p onmouseover=\"alert('hover')\">The river " + token + " rose two"
                                + " metres <b>overnight</b>.</p><script>alert('script')</script>"
                                + "<img src=x onerror=\"alert('img')\"><a href=\"javascript:alert('link')\">more</a>"
                                + "<p>Engineers inspected the bridge " + token + " for damage on Tuesday.</p>"
                                + "</article></body></html>"));
        submit(Map.of(
                "url", url("xss-text-" + token),
                "title", "Quoted markup " + token,
                "body",
                        "The page showed <script>alert('text')</script> and <img src=x onerror=alert(1)> near " + token
                                + " in the river story."));

        await().atMost(Duration.ofSeconds(60)).until(() -> total(token) == 2);
        var response = given().queryParam("q", token).get(SEARCH + SEARCH_PATH);
        assertThat(response.contentType()).startsWith("application/json");
        List<String> snippets = response.jsonPath().getList("items.snippet");
        assertThat(snippets).hasSize(2);
        for (String snippet : snippets) {
            String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
            assertThat(withoutMarks).as(snippet).doesNotContain("<").doesNotContain(">");
        }
        assertThat(String.join(" ", snippets)).contains("&lt;script&gt;");

        String article = given().get(SEARCH + ARTICLES + "/" + htmlId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(article)
                .contains("rose two metres")
                .doesNotContain("alert(")
                .doesNotContain("onmouseover")
                .doesNotContain("javascript:");
    }

    /**
     * An article whose HTML nests 50,000 levels deep is enriched and searchable within a minute (the enrichment
     * used to spend minutes on such a page, holding its partition back).
     */
    @Test
    void aDeeplyNestedArticleIsEnrichedInSeconds() {
        String token = "deep" + UUID.randomUUID().toString().replace("-", "");
        submit(Map.of(
                "url", url("deep-" + token),
                "title", "Nested page " + token,
                "html",
                        "<html><body><p>The council met on Monday.</p>" + "<div>".repeat(50_000) + "buried"
                                + "</div>".repeat(50_000) + "</body></html>"));

        await().atMost(Duration.ofSeconds(60)).until(() -> total(token) == 1);
    }

    /**
     * Articles that are odd but valid (a NUL and a lone surrogate in the text, a member nested 40 deep, the last
     * second of the year 9999, an overlong UTF-8 slash) are not only accepted: each reaches search, none is lost
     * to the dead-letter topic on the way.
     */
    @Test
    void oddButValidArticlesReachSearch() {
        String token = "odd" + UUID.randomUUID().toString().replace("-", "");
        List<byte[]> articles = List.of(
                bytes(jsonArticle(url("odd-nul"), "NUL \\u0000 inside " + token, "Text with a \\u0000 NUL.")),
                bytes(jsonArticle(url("odd-surrogate"), "Lone \\ud800 half " + token, "Text with \\udfff.")),
                bytes(validArticle("odd-nested", "\"extra1\":" + "[".repeat(40) + "]".repeat(40))
                        .replace("Text of the article.", "Text of the article " + token + ".")),
                bytes(validArticle("odd-year", "\"publishedAt\":\"9999-12-31T23:59:59Z\"")
                        .replace("Text of the article.", "Text of the article " + token + ".")),
                bytes(
                        "{\"url\":\"" + url("odd-overlong") + "\",\"title\":\"Slash ",
                        0xc0,
                        0xaf,
                        " " + token,
                        "\",\"body\":\"Text.\"}"));
        for (byte[] article : articles) {
            RawHttp.Reply reply = RawHttp.send(
                    INGEST,
                    "POST",
                    ARTICLES,
                    List.of("X-Api-Key: " + sourceKey, "Content-Type: application/json"),
                    article,
                    false);
            assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> total(token) == articles.size());
    }

    // ---- running a case -------------------------------------------------------------------------------------

    private static void run(Case c) {
        RawHttp.Reply reply;
        try {
            reply = RawHttp.send(c.base(), c.method(), c.target(), c.headers(), c.body(), c.chunked());
        } catch (RuntimeException e) {
            TABLE.add(String.format("%-62s %-9s %-5s", c.name(), c.expected(), "error: " + e.getMessage()));
            throw e;
        }
        TABLE.add(String.format("%-62s %-9s %-5s %d", c.name(), c.expected(), reply.status(), reply.millis()));
        assertThat(reply.status()).as(c.name() + ": " + shorten(reply.body())).isEqualTo(c.expected());
        assertThat(reply.status()).as("never a 5xx").isLessThan(500);
        boolean searchHits = c.base().equals(SEARCH) && reply.status() == 200;
        for (String marker : STACK_TRACE_MARKERS) {
            // found articles may say "Exception" in their own text; an error never may
            if (!(searchHits && marker.equals("Exception"))) {
                assertThat(reply.body()).as("no stack trace in " + c.name()).doesNotContain(marker);
            }
        }
        if (reply.status() >= 400 && !c.httpLayer()) {
            assertThat(reply.contentType()).as(c.name()).startsWith("application/problem+json");
            JsonPath problem = JsonPath.from(reply.body());
            assertThat(problem.getString("title")).as("title").isNotBlank();
            assertThat(problem.getInt("status")).as("status").isEqualTo(reply.status());
            assertThat(problem.getString("detail")).as("detail").isNotBlank();
        }
        if (c.check() != null) {
            c.check().accept(reply);
        }
    }

    private static void allReady() {
        for (String service : List.of(INGEST, ENRICH, SEARCH)) {
            given().get(service + "/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("UP"));
        }
        TABLE.add(String.format("%-62s %-9s %-5s", "every service is still ready", "UP", "UP"));
    }

    private static void namesTheNesting(RawHttp.Reply reply) {
        assertThat(JsonPath.from(reply.body()).getString("detail"))
                .containsIgnoringCase("nesting depth")
                .doesNotContain("StreamReadConstraints");
    }

    // ---- building cases -------------------------------------------------------------------------------------

    /** One request and the status it must get; {@code httpLayer}: refused by the HTTP server before any route. */
    record Case(
            String name,
            String base,
            String method,
            String target,
            List<String> headers,
            byte[] body,
            boolean chunked,
            boolean httpLayer,
            Consumer<RawHttp.Reply> check,
            int expected) {}

    static final class CaseBuilder {
        private final String name;
        private final String base;
        private final String method;
        private final String target;
        private final List<String> headers = new ArrayList<>();
        private byte[] body;
        private boolean chunked;
        private boolean httpLayer;
        private Consumer<RawHttp.Reply> check;

        CaseBuilder(String name, String base, String method, String target) {
            this.name = name;
            this.base = base;
            this.method = method;
            this.target = target;
        }

        CaseBuilder key(String key) {
            return header("X-Api-Key: " + key);
        }

        CaseBuilder type(String contentType) {
            return header("Content-Type: " + contentType);
        }

        CaseBuilder header(String line) {
            headers.add(line);
            return this;
        }

        CaseBuilder json(String json) {
            return type("application/json").body(json);
        }

        CaseBuilder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        CaseBuilder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        CaseBuilder chunked() {
            this.chunked = true;
            return this;
        }

        CaseBuilder httpLayer() {
            this.httpLayer = true;
            return this;
        }

        CaseBuilder then(Consumer<RawHttp.Reply> check) {
            this.check = check;
            return this;
        }

        Case expect(int status) {
            return new Case(name, base, method, target, List.copyOf(headers), body, chunked, httpLayer, check, status);
        }
    }

    private static CaseBuilder to(String name, String base, String method, String target) {
        return new CaseBuilder(name, base, method, target);
    }

    private static CaseBuilder article(String name) {
        return to(name, INGEST, "POST", ARTICLES).key(sourceKey);
    }

    private static CaseBuilder ndjsonCase(String name) {
        return article(name).type("application/x-ndjson");
    }

    private static CaseBuilder status(String name, String id) {
        return to(name, INGEST, "GET", ARTICLES + "/" + id).key(sourceKey);
    }

    private static CaseBuilder feed(String name, String contentType, String document) {
        return feed(name, contentType, document.getBytes(StandardCharsets.UTF_8));
    }

    private static CaseBuilder feed(String name, String contentType, byte[] document) {
        return to(name, INGEST, "POST", FEEDS).key(sourceKey).type(contentType).body(document);
    }

    private static CaseBuilder enrichCase(String name) {
        return to(name, ENRICH, "POST", ENRICH_PATH);
    }

    private static CaseBuilder search(String name, String query) {
        return to("search " + name, SEARCH, "GET", SEARCH_PATH + "?" + query);
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    private static String url(String slug) {
        return "https://hostile.example.org/" + slug + "/" + UUID.randomUUID();
    }

    private static String jsonArticle(String url, String title, String body) {
        return "{\"url\":" + quote(url) + ",\"title\":" + quoteKeepingEscapes(title) + ",\"body\":"
                + quoteKeepingEscapes(body) + "}";
    }

    private static String jsonHtmlArticle(String url, String title, String html) {
        return "{\"url\":" + quote(url) + ",\"title\":" + quoteKeepingEscapes(title) + ",\"html\":\"" + html + "\"}";
    }

    /** A valid article with one more member (raw JSON) beside url, title and body. */
    private static String validArticle(String slug, String member) {
        return "{\"url\":" + quote(url(slug)) + ",\"title\":\"Hostile input " + slug + "\",\"body\":\"Text of the"
                + " article.\"," + member + "}";
    }

    private static String quote(String text) {
        return "\""
                + text.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n") + "\"";
    }

    /** Quotes text that already holds its JSON escapes ({@code \u0000}) and no quote. */
    private static String quoteKeepingEscapes(String text) {
        return "\"" + text + "\"";
    }

    private static String fuzzy(int words) {
        List<String> fuzzy = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            fuzzy.add("wd" + i + "~2");
        }
        return String.join(" ", fuzzy);
    }

    /** One entity of 50,000 characters referenced 2,000 times: 100 MB once expanded, with no nesting at all. */
    private static String quadraticBlowup() {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>" + "&a;".repeat(2000) + "</title></channel></rss>";
    }

    private static String deepFeed(int depth) {
        return "<rss version=\"2.0\"><channel><title>Deep</title><item><title>Deep item</title><link>"
                + url("deep-feed") + "</link><description>Text</description>" + "<x>".repeat(depth)
                + "</x>".repeat(depth) + "</item></channel></rss>";
    }

    /** Bytes from text and single byte values, in order: how the invalid UTF-8 cases are written. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String fixture(String name) {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile-feeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture hostile-feeds/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the document's structure is well-formed XML once what the service sets aside is: its DOCTYPE (skipped,
     * never resolved) and an XML declaration misplaced after a comment.
     */
    private static boolean wellFormedWithoutDoctype(byte[] document) {
        String text = new String(document, StandardCharsets.ISO_8859_1)
                .replaceFirst("(?s)<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>", "")
                .replaceAll("<\\?xml\\s[^>]*\\?>", "");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            // structure only: the charset is the feed reader's business (it guesses leniently, as it must)
            builder.parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** A cursor as the API writes them, for a relevance page at {@code position}. */
    private static String relevanceAt(Object position) {
        return cursor("{\"sort\":\"relevance\",\"after\":[" + position + ",\"x\"]}");
    }

    /** A cursor as the API writes them, for a newest-first page after {@code date}. */
    private static String newestAt(Object date) {
        return cursor("{\"sort\":\"newest\",\"after\":[" + date + ",\"x\"]}");
    }

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String submit(Map<String, String> article) {
        return given().header("X-Api-Key", sourceKey)
                .contentType(ContentType.JSON)
                .body(article)
                .post(INGEST + ARTICLES)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static int total(String q) {
        return given().queryParam("q", q)
                .get(SEARCH + SEARCH_PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }
}
