package io.newsflow.ingest.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.isOneOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.events.RawArticle;
import io.newsflow.ingest.RawEvents;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every committed official ninjs example posted to the running service, on the real Kafka and PostgreSQL. Prints
 * the figure recorded in BENCHMARKS.md: how many of the examples are accepted, per ninjs version.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class NinjsIngestTest {

    private static String key;

    /** Marks this run's identities: the test stack outlives a run, and an article belongs to its first source. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void registerASource() {
        if (key == null) {
            key = Sources.newSourceKey();
        }
    }

    /**
     * The document as published, but for its {@code uri}, which gets this run's mark so that a rerun on the same
     * stack is a new article (a bare UUID becomes a fresh one).
     */
    private static JsonNode forThisRun(JsonNode doc) {
        return marked(doc, RUN);
    }

    /** The document under an identity of its own, for a test that must see it published (not a duplicate). */
    private static JsonNode fresh(JsonNode doc) {
        return marked(doc, UUID.randomUUID().toString().substring(0, 8));
    }

    private static JsonNode marked(JsonNode doc, String mark) {
        JsonNode copy = doc.deepCopy();
        if (copy.isObject() && copy.hasNonNull("uri")) {
            String uri = copy.get("uri").asText();
            String marked = uri.matches("[0-9a-f-]{36}")
                    ? UUID.nameUUIDFromBytes((uri + mark).getBytes(StandardCharsets.UTF_8))
                            .toString()
                    : uri.startsWith("http")
                            ? uri.replaceFirst("(\\?|$)", "/run-" + mark + "$1")
                            : uri + ":run-" + mark;
            ((ObjectNode) copy).put("uri", marked);
        }
        return copy;
    }

    private static Response post(JsonNode doc) {
        return given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(doc.toString())
                .post("/api/v1/articles");
    }

    @Test
    void everyOfficialExampleIsAcceptedOrRefusedForAClearReason() {
        Map<String, int[]> perVersion = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        int accepted = 0;
        int documents = 0;
        for (NinjsExamples.Example example : NinjsExamples.all()) {
            JsonNode json = example.json();
            int[] counts = perVersion.computeIfAbsent(example.version(), v -> new int[2]);
            if (json == null) {
                // not JSON as published: the whole file is one refused document
                counts[1]++;
                documents++;
                given().header("X-Api-Key", key)
                        .contentType(ContentType.JSON)
                        .body(example.text())
                        .post("/api/v1/articles")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("detail", containsString("not valid JSON"))
                        .body("detail", containsString("line 22"));
                refused.add(example.path() + ": not valid JSON");
                continue;
            }
            if (json.isArray()) {
                List<JsonNode> items = new ArrayList<>();
                json.forEach(item -> items.add(forThisRun(item)));
                Response response = given().header("X-Api-Key", key)
                        .contentType(ContentType.JSON)
                        .body(items.toString())
                        .post("/api/v1/articles");
                response.then().statusCode(202).body("$", hasSize(items.size()));
                List<Map<String, Object>> results = response.jsonPath().getList("$");
                for (Map<String, Object> result : results) {
                    counts[1]++;
                    documents++;
                    if ("rejected".equals(result.get("status"))) {
                        refused.add(example.path() + "[" + result.get("index") + "]: " + result.get("error"));
                    } else {
                        counts[0]++;
                        accepted++;
                    }
                }
                continue;
            }
            counts[1]++;
            documents++;
            Response response = post(forThisRun(json));
            if (response.statusCode() == 202) {
                response.then().body("status", isOneOf("accepted", "updated", "duplicate"));
                counts[0]++;
                accepted++;
            } else {
                response.then().statusCode(400).contentType("application/problem+json");
                refused.add(example.path() + ": " + response.jsonPath().getString("errors"));
            }
        }
        System.out.println("ninjs examples (iptc/newsinjson), accepted by POST /api/v1/articles:");
        perVersion.forEach((version, c) -> System.out.printf("  ninjs %s: %d of %d%n", version, c[0], c[1]));
        System.out.printf("  all: %d of %d accepted%n", accepted, documents);
        refused.forEach(r -> System.out.println("  refused " + r));

        // refused, each for its reason: two 1.x property tests and a 2.0 draft test with a headline and no text,
        // rightstest (rights only), the 14 events of the 2.2 timeline (no uri) and the 2.2 press conference (not
        // JSON: a single-quoted string)
        assertThat(documents).isEqualTo(75);
        assertThat(accepted).as(String.join("\n", refused)).isEqualTo(56);
    }

    @Test
    void aNinjs2DocumentIsPublishedWithItsIdentitySubjectsAndExtraFields() throws Exception {
        Instant since = Instant.now();
        JsonNode doc = fresh(
                NinjsExamples.one("2.2/tt_event_pressconference_sample.json").json());
        String id = post(doc)
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .extract()
                .path("id");
        RawArticle raw = RawEvents.published(id, since);
        assertThat(raw.uri()).isEqualTo(doc.get("uri").asText());
        assertThat(raw.title()).isEqualTo("Pk med finansminister Elisabeth Svantesson kl 16");
        assertThat(raw.body()).startsWith("Finansminister Elisabeth Svantesson kommentera");
        assertThat(raw.language()).isEqualTo("sv");
        assertThat(raw.subjects())
                .extracting(RawArticle.Subject::code)
                .containsExactly("http://tt.se/spec/subref/1.0/11000000", "http://tt.se/spec/subref/1.0/04000000");
        assertThat(raw.extra())
                .containsEntry("slugline", "")
                .containsKey("body_event")
                .containsKey("$standard");
    }

    @Test
    void aUrnIdentityStaysTheIdentity() throws Exception {
        Instant since = Instant.now();
        JsonNode doc = fresh(NinjsExamples.one("3.0/dpa_text.json").json());
        String id = post(doc)
                .then()
                .statusCode(202)
                .body("uri", equalTo(doc.get("uri").asText()))
                .extract()
                .path("id");
        RawArticle raw = RawEvents.published(id, since);
        assertThat(raw.url()).isNull();
        assertThat(raw.html()).contains("Für Lucien Favre");
        assertThat(raw.authors()).containsExactly("Von Christian Hollmann, dpa");
    }

    @Test
    void ninjsComesInAsNdjsonToo() {
        StringBuilder lines = new StringBuilder();
        for (String path : List.of("2.0/ap_audio.json", "3.3/ntb_text.json", "2.0/rightstest.json")) {
            lines.append(fresh(NinjsExamples.one(path).json())).append('\n');
        }
        given().header("X-Api-Key", key)
                .contentType(ArticleResource.NDJSON)
                .body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo(List.of("accepted", "accepted", "rejected")))
                .body("[2].error.errors.field", everyItem(equalTo("/body_text")));
    }

    @Test
    void aBadFieldIsNamedByItsPointer() {
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(List.of(Map.of(
                        "uri",
                        "urn:example:" + UUID.randomUUID(),
                        "headlines",
                        List.of(Map.of("value", "Fine"), Map.of("value", 7)),
                        "body_text",
                        "Text.")))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("[0].status", equalTo("rejected"))
                .body("[0].error.errors[0].field", equalTo("/headlines/1/value"))
                .body("[0].error.errors[0].message", equalTo("must be a string"));
    }
}
