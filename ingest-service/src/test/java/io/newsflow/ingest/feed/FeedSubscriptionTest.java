package io.newsflow.ingest.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.RawArticle;
import io.newsflow.ingest.RawEvents;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Subscribed feeds polled from a local HTTP server (never the internet), with their health recorded. */
@QuarkusTest
@TestProfile(FeedSubscriptionTest.FastPolling.class)
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedSubscriptionTest {

    static final int PORT = 18990;
    static final String RUN = UUID.randomUUID().toString();
    static final List<String> IF_NONE_MATCH = new CopyOnWriteArrayList<>();
    static HttpServer server;

    public static class FastPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsflow.feeds.tick", "1s",
                    "newsflow.feeds.first-tick-delay", "1s",
                    "newsflow.feeds.initial-interval", "1s",
                    "newsflow.feeds.min-interval", "1s",
                    "newsflow.feeds.host-delay", "0s",
                    "newsflow.feeds.disable-after-failures", "3",
                    // the local feed server, and only it: everything else internal stays refused
                    "newsflow.feeds.allowed-hosts", "127.0.0.1:" + PORT);
        }
    }

    @BeforeAll
    static void startFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/news.rss", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (ifNoneMatch != null) {
                IF_NONE_MATCH.add(ifNoneMatch);
            }
            if ("\"v1\"".equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] body = rss().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // an old server: windows-1252 bytes, the charset only in the HTTP header, links relative to the feed's URL
        server.createContext("/legacy.rss", exchange -> {
            byte[] body = ("<rss version=\"0.92\"><channel><title>Legacy feed</title><item><link>legacy/" + RUN
                            + "</link><description>Caf\u00e9 owners in Reykjav\u00edk met the mayor \u2013 again."
                            + "</description></item></channel></rss>")
                    .getBytes(Charset.forName("windows-1252"));
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=windows-1252");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/broken.rss", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopFeedServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    static String itemUrl(int n) {
        return "https://news.example.org/polled/" + RUN + "/" + n;
    }

    static String rss() {
        StringBuilder items = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            items.append("<item><title>Polled story ")
                    .append(n)
                    .append("</title><link>")
                    .append(itemUrl(n))
                    .append("</link><description>The council met on Tuesday about story ")
                    .append(n)
                    .append(".</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local test feed</title>"
                + "<link>http://127.0.0.1/</link><description>test</description>" + items + "</channel></rss>";
    }

    private static String subscribe(String sourceId, String url) {
        return given().header("X-Api-Key", Sources.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("sourceId", sourceId, "url", url))
                .post("/api/v1/feeds/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String newSource() {
        return given().header("X-Api-Key", Sources.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Polled newsroom " + UUID.randomUUID()))
                .post("/api/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> subscription(String id) {
        return given().header("X-Api-Key", Sources.ADMIN_KEY)
                .get("/api/v1/feeds/subscriptions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("$");
    }

    @Test
    void aSubscribedFeedIsPolledItsItemsIngestedAndThenAskedForConditionally() {
        String sourceId = newSource();
        String id = subscribe(sourceId, "http://127.0.0.1:" + PORT + "/news.rss");

        await().atMost(Duration.ofSeconds(60)).until(() -> subscription(id).get("lastSuccessAt") != null);
        Map<String, Object> health = subscription(id);
        assertThat(health.get("itemsSeen")).isEqualTo(3);
        assertThat(health.get("consecutiveFailures")).isEqualTo(0);

        for (int n = 1; n <= 3; n++) {
            given().header("X-Api-Key", Sources.ADMIN_KEY)
                    .get("/api/v1/articles/" + ArticleIds.forCanonicalUrl(itemUrl(n)))
                    .then()
                    .statusCode(200)
                    .body("sourceId", equalTo(sourceId));
        }
        // the next polls send the ETag back and get 304: nothing new, nothing re-read
        await().atMost(Duration.ofSeconds(30)).until(() -> IF_NONE_MATCH.contains("\"v1\""));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> (int) subscription(id).get("lastNewItems") == 0);
    }

    @Test
    void aLegacyFeedIsReadInItsHttpCharsetWithLinksResolvedAgainstItsUrl() throws Exception {
        String sourceId = newSource();
        Instant since = Instant.now();
        String id = subscribe(sourceId, "http://127.0.0.1:" + PORT + "/legacy.rss");

        await().atMost(Duration.ofSeconds(60)).until(() -> subscription(id).get("lastSuccessAt") != null);
        assertThat(subscription(id).get("lastError")).isNull();
        String articleId = ArticleIds.forCanonicalUrl("http://127.0.0.1:" + PORT + "/legacy/" + RUN);
        RawArticle raw = RawEvents.published(articleId, since);
        assertThat(raw.body()).isEqualTo("Caf\u00e9 owners in Reykjav\u00edk met the mayor \u2013 again.");
        assertThat(raw.title()).isNull();
        assertThat(raw.sourceId()).isEqualTo(sourceId);
    }

    @Test
    void aFailingFeedBacksOffAndIsDisabledAfterRepeatedFailures() {
        String id = subscribe(newSource(), "http://127.0.0.1:" + PORT + "/broken.rss");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !(Boolean) subscription(id).get("enabled"));
        Map<String, Object> health = subscription(id);
        assertThat(health.get("consecutiveFailures")).isEqualTo(3);
        assertThat((String) health.get("lastError")).contains("HTTP 500");
        assertThat(health.get("lastSuccessAt")).isNull();

        List<String> urls = given().header("X-Api-Key", Sources.ADMIN_KEY)
                .get("/api/v1/feeds/health")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        // disabled and failing feeds come first
        assertThat(urls.indexOf("http://127.0.0.1:" + PORT + "/broken.rss"))
                .isLessThan(
                        urls.indexOf("http://127.0.0.1:" + PORT + "/news.rss") < 0
                                ? Integer.MAX_VALUE
                                : urls.indexOf("http://127.0.0.1:" + PORT + "/news.rss"));

        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .post("/api/v1/feeds/subscriptions/" + id + "/enable")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("consecutiveFailures", equalTo(0));
    }

    @Test
    void feedsOnInternalAddressesAreRefused() {
        String sourceId = newSource();
        for (String url : List.of(
                "http://127.0.0.1:8080/feed", "http://10.0.0.1/feed", "http://169.254.169.254/latest/meta-data/")) {
            given().header("X-Api-Key", Sources.ADMIN_KEY)
                    .contentType(ContentType.JSON)
                    .body(Map.of("sourceId", sourceId, "url", url))
                    .post("/api/v1/feeds/subscriptions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("detail", containsString("non-public"));
        }
    }

    @Test
    void onlyTheAdminManagesSubscriptions() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType(ContentType.JSON)
                .body(Map.of("sourceId", UUID.randomUUID().toString(), "url", "http://127.0.0.1:" + PORT + "/news.rss"))
                .post("/api/v1/feeds/subscriptions")
                .then()
                .statusCode(403);
        given().header("X-Api-Key", Sources.newSourceKey())
                .get("/api/v1/feeds/health")
                .then()
                .statusCode(403);
    }
}
