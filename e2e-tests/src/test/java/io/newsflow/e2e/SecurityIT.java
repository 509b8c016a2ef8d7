package io.newsflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services' access rules against the running stack: keys (401 without one or with an unknown one, 403 with
 * one that may not make the call), one newsroom walled off from another, the per-key rate limit (429 with
 * Retry-After), feed subscriptions that would reach into the internal network refused, and no key ever written to
 * a log or echoed in an error. Every check asserts the answer.
 */
@ExtendWith(RunningSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String INGEST = RunningSystem.INGEST;
    private static final String ENRICH = RunningSystem.ENRICH;
    private static final String SEARCH = RunningSystem.SEARCH;
    private static final String PROBLEM = "application/problem+json";

    /** Every key this class used, right or wrong: none may show up in a log or an error body. */
    private static final List<String> SECRETS = new ArrayList<>();
    /** Every error body this class received. */
    private static final ConcurrentLinkedQueue<String> ERROR_BODIES = new ConcurrentLinkedQueue<>();

    private static String adminKey;
    private static String keyA;
    private static String keyB;

    @BeforeAll
    static void twoNewsrooms() {
        adminKey = RunningSystem.adminKey();
        keyA = RunningSystem.newSource("Security newsroom A");
        keyB = RunningSystem.newSource("Security newsroom B");
        SECRETS.addAll(List.of(adminKey, keyA, keyB));
    }

    @Test
    @Order(1)
    void ingestWithoutAKeyIs401() {
        for (String path :
                List.of("/api/v1/articles", "/api/v1/feeds/items", "/api/v1/pages?url=https://x.example/a")) {
            Response response = given().contentType(path.contains("pages") ? "text/plain" : "application/json")
                    .body(path.contains("pages") ? "Headline\nText" : "{}")
                    .post(INGEST + path);
            assertProblem(response, 401);
            assertThat(response.header("WWW-Authenticate")).as(path).contains("X-Api-Key");
        }
        assertProblem(key("   ").contentType(ContentType.JSON).body("{}").post(INGEST + "/api/v1/articles"), 401);
    }

    @Test
    @Order(2)
    void anUnknownKeyIs401OnIngestAnd403OnTheAdminEndpointsOfEnrichAndSearch() {
        String nearMiss = keyA.substring(0, keyA.length() - 1) + (keyA.endsWith("x") ? "y" : "x");
        String madeUp = "nf_" + UUID.randomUUID();
        SECRETS.addAll(List.of(nearMiss, madeUp));
        for (String wrong : List.of(nearMiss, madeUp, adminKey + "x")) {
            // ingest knows every key: an unknown one is not authenticated at all
            assertProblem(key(wrong).contentType(ContentType.JSON).body("{}").post(INGEST + "/api/v1/articles"), 401);
            assertProblem(key(wrong).get(INGEST + "/api/v1/sources"), 401);
            // enrich and search know only the admin key: any other is authenticated as "not the admin"
            assertProblem(adminRequest(key(wrong)).post(ENRICH + "/api/v1/entities"), 403);
            assertProblem(key(wrong).post(SEARCH + "/api/v1/admin/reindex"), 403);
        }
    }

    @Test
    @Order(3)
    void theAdminEndpointsNeedTheAdminKey() {
        String sourceId = newSourceId();
        String someId = UUID.randomUUID().toString();
        List<Call> adminCalls = List.of(
                new Call("GET", INGEST + "/api/v1/sources", null),
                new Call("POST", INGEST + "/api/v1/sources", "{\"name\":\"Mine now\"}"),
                new Call("DELETE", INGEST + "/api/v1/sources/" + sourceId, null),
                new Call("GET", INGEST + "/api/v1/feeds/subscriptions", null),
                new Call(
                        "POST",
                        INGEST + "/api/v1/feeds/subscriptions",
                        "{\"sourceId\":\"" + sourceId + "\",\"url\":\"https://example.org/feed.xml\"}"),
                new Call("GET", INGEST + "/api/v1/feeds/subscriptions/" + someId, null),
                new Call("POST", INGEST + "/api/v1/feeds/subscriptions/" + someId + "/enable", null),
                new Call("DELETE", INGEST + "/api/v1/feeds/subscriptions/" + someId, null),
                new Call("GET", INGEST + "/api/v1/feeds/health", null),
                new Call("POST", ENRICH + "/api/v1/entities", "{\"type\":\"person\",\"name\":\"Ann Example\"}"),
                new Call("PUT", ENRICH + "/api/v1/entities/" + someId, "{\"type\":\"person\",\"name\":\"Ann\"}"),
                new Call("DELETE", ENRICH + "/api/v1/entities/" + someId, null),
                new Call("POST", SEARCH + "/api/v1/admin/reindex", null),
                new Call("GET", SEARCH + "/api/v1/admin/reindex", null));
        for (Call call : adminCalls) {
            assertProblem(call.send(given()), 401);
            assertProblem(call.send(key(keyA)), 403);
        }
        // the source is still there: a source's key could not remove it
        assertThat(key(adminKey).get(INGEST + "/api/v1/sources").jsonPath().getList("id"))
                .contains(sourceId);
        // and the admin key is for operators, not for sending news
        assertProblem(
                key(adminKey)
                        .contentType(ContentType.JSON)
                        .body(Map.of("url", "https://x.example/admin", "title", "t", "body", "b"))
                        .post(INGEST + "/api/v1/articles"),
                403);
    }

    @Test
    @Order(4)
    void aNewsroomCannotReadOrChangeAnothersArticles() {
        String url = "https://security.example.org/walled/" + UUID.randomUUID();
        String id = key(keyA)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "title", "Newsroom A's story", "body", "Only A may change this."))
                .post(INGEST + "/api/v1/articles")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        assertThat(key(keyA).get(INGEST + "/api/v1/articles/" + id).statusCode())
                .isEqualTo(200);
        assertThat(key(adminKey).get(INGEST + "/api/v1/articles/" + id).statusCode())
                .isEqualTo(200);
        assertProblem(key(keyB).get(INGEST + "/api/v1/articles/" + id), 403);
        // B sending the same URL with other words must not become a new version of A's article
        Response takeover = key(keyB)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "title", "Hijacked", "body", "B's words in A's article."))
                .post(INGEST + "/api/v1/articles");
        assertProblem(takeover, 403);
        assertThat(key(keyA).get(INGEST + "/api/v1/articles/" + id).jsonPath().getInt("currentVersion"))
                .isEqualTo(1);
    }

    /**
     * Bursts past the default rate (200 requests/s per key, bursts of 400) from a key of its own: sixteen kept-alive
     * connections in parallel, each sending cheap requests back to back (an id that is not a UUID: a 400 right
     * after the key check), until the service answers 429. Then the key works again after Retry-After, and another
     * key was never held back. The requests cost the service little, but it must answer more than 200 a second for
     * a while: on a machine too busy for that the test cannot see a 429, and says so.
     */
    @Test
    @Order(5)
    void pastItsRateAKeyGets429WithRetryAfter() throws Exception {
        String burstKey = RunningSystem.newSource("Security burst");
        SECRETS.add(burstKey);
        List<String> headers = List.of("X-Api-Key: " + burstKey);
        String cheap = "/api/v1/articles/not-a-uuid";
        List<RawHttp.Reply> replies = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(30).toNanos();
        while (replies.stream().noneMatch(r -> r.status() == 429) && System.nanoTime() < deadline) {
            try (ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<List<RawHttp.Reply>>> answers = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    answers.add(connections.submit(() -> RawHttp.repeat(INGEST, "GET", cheap, headers, 150)));
                }
                for (Future<List<RawHttp.Reply>> answer : answers) {
                    replies.addAll(answer.get());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long refused = replies.stream().filter(r -> r.status() == 429).count();
        System.out.printf(
                "[security] rate limit: %d requests in %.2f s (%.0f/s) on 16 connections, %d refused" + " with 429%n",
                replies.size(), seconds, replies.size() / seconds, refused);

        assertThat(replies)
                .as("every answer is a 400 (taken) or a 429 (refused)")
                .allSatisfy(r -> assertThat(r.status()).isIn(400, 429));
        RawHttp.Reply tooMany = replies.stream()
                .filter(r -> r.status() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 429 within 30 s at the default 200 requests/s per key: the"
                        + " service answered " + Math.round(replies.size() / seconds) + " requests/s, too few to"
                        + " outrun the limit on this machine now"));
        assertThat(tooMany.contentType()).startsWith(PROBLEM);
        assertThat(JsonPath.from(tooMany.body()).getInt("status")).isEqualTo(429);
        long retryAfter = Long.parseLong(tooMany.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        ERROR_BODIES.add(tooMany.body());
        // past the wait the key works again; another key was never held back
        Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(200));
        assertThat(key(burstKey).get(INGEST + cheap).statusCode()).isEqualTo(400);
        assertThat(key(keyB).get(INGEST + cheap).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(6)
    void feedSubscriptionsIntoTheInternalNetworkAreRefused() {
        String sourceId = newSourceId();
        for (String url : List.of(
                "http://127.0.0.1/",
                "http://127.0.0.1:18081/api/v1/sources",
                "http://10.0.0.1/",
                "http://10.255.255.254/feed",
                "http://169.254.169.254/latest/meta-data/",
                "http://localhost/",
                "http://[::1]/",
                "http://2130706433/",
                "http://0.0.0.0/",
                "http://[::]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::127.0.0.1]/",
                "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
                "http://[2002:7f00:1::1]/",
                "http://192.168.1.1/",
                "http://172.16.0.1/",
                "http://100.64.0.1/",
                "http://user:password@127.0.0.1/",
                "http://example.org@10.0.0.1/",
                "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_INFO",
                "ftp://10.0.0.1/feed.xml")) {
            Response response = key(adminKey)
                    .contentType(ContentType.JSON)
                    .body(Map.of("sourceId", sourceId, "url", url))
                    .post(INGEST + "/api/v1/feeds/subscriptions");
            assertProblem(response, 400);
            assertThat(response.jsonPath().getString("errors[0].field")).as(url).isEqualTo("url");
        }
        assertThat(key(adminKey)
                        .queryParam("sourceId", sourceId)
                        .get(INGEST + "/api/v1/feeds/subscriptions")
                        .jsonPath()
                        .getList("$"))
                .as("no subscription was made")
                .isEmpty();
    }

    @Test
    @Order(7)
    void aKeyIsShownOnceAndNeverListed() {
        Response created = key(adminKey)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Security listing " + UUID.randomUUID()))
                .post(INGEST + "/api/v1/sources");
        assertThat(created.statusCode()).isEqualTo(201);
        String newKey = created.jsonPath().getString("apiKey");
        SECRETS.add(newKey);
        String listing = key(adminKey).get(INGEST + "/api/v1/sources").asString();
        assertThat(listing).doesNotContain(newKey).doesNotContain("apiKey");
        for (String secret : List.of(adminKey, keyA, keyB)) {
            assertThat(listing).doesNotContain(secret);
        }
    }

    /** Last: every key used above, right or wrong, is absent from the services' logs and from every error body. */
    @Test
    @Order(8)
    void noKeyIsInALogOrAnErrorBody() {
        assertThat(ERROR_BODIES).isNotEmpty();
        for (String body : ERROR_BODIES) {
            for (String secret : SECRETS) {
                assertThat(body).as("an error body").doesNotContain(secret);
            }
        }
        Path stack = RunningSystem.STACK.config().stackDir();
        int logs = 0;
        for (String service : List.of("ingest-service", "enrich-service", "search-service")) {
            Path log = stack.resolve(service).resolve(service + ".log");
            assertThat(log).as("the launcher writes each service's output here").isRegularFile();
            String text = read(log);
            assertThat(text).as(log.toString()).isNotEmpty();
            for (String secret : SECRETS) {
                assertThat(text.contains(secret))
                        .as("a key of " + secret.length() + " characters in " + log)
                        .isFalse();
            }
            logs++;
        }
        System.out.printf(
                "[security] %d keys checked against %d error bodies and %d service logs%n",
                SECRETS.size(), ERROR_BODIES.size(), logs);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private record Call(String method, String url, String json) {
        Response send(RequestSpecification request) {
            if (json != null) {
                request = request.contentType(ContentType.JSON).body(json);
            }
            return request.request(method, url);
        }
    }

    private static RequestSpecification key(String key) {
        return given().header("X-Api-Key", key);
    }

    private static RequestSpecification adminRequest(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body("{\"type\":\"person\",\"name\":\"Ann Example\"}");
    }

    private static String newSourceId() {
        return key(adminKey)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Security " + UUID.randomUUID()))
                .post(INGEST + "/api/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The status, a problem+json body with title, status and detail; the body is kept for the secrets check. */
    private static void assertProblem(Response response, int status) {
        String body = response.asString();
        ERROR_BODIES.add(body);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
