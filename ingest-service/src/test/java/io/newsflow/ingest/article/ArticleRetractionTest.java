package io.newsflow.ingest.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.events.TopicReader;
import io.newsflow.events.Topics;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A ninjs {@code pubstatus} of {@code canceled} or {@code withheld} takes an article back, on the real Kafka and
 * PostgreSQL: a tombstone after the broker's ack, the ledger keeps the history. The article is the official dpa
 * example of ninjs 2.0 (fixtures/ninjs/2.0/dpa_text.json) under an identity of this run.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class ArticleRetractionTest {

    private final String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

    @Test
    void aCanceledArticleIsRetractedOnceAndItsHistoryKept() throws Exception {
        String key = Sources.newSourceKey();
        ObjectNode article = dpaArticle();
        String id = post(key, article).then().statusCode(202).extract().path("id");

        Instant before = Instant.now().minusSeconds(1);
        ObjectNode canceled = article.deepCopy().put("pubstatus", "canceled");
        JsonPath retracted =
                post(key, canceled).then().statusCode(202).extract().jsonPath();
        assertThat(retracted.getString("status")).isEqualTo("retracted");
        assertThat(retracted.getInt("version")).isEqualTo(2);
        assertThat(retracted.getString("id")).isEqualTo(id);
        ConsumerRecord<String, String> tombstone = TopicReader.find(
                        bootstrap,
                        Topics.RAW,
                        before,
                        Duration.ofSeconds(30),
                        r -> id.equals(r.key()) && r.value() == null)
                .orElseThrow(() -> new AssertionError("no tombstone on the raw topic for " + id));
        assertThat(tombstone.key()).isEqualTo(id);

        // the same retraction again changes nothing and says so
        JsonPath again = post(key, canceled).then().statusCode(202).extract().jsonPath();
        assertThat(again.getString("status")).isEqualTo("retracted");
        assertThat(again.getInt("version")).isEqualTo(2);

        JsonPath ledger = given().header("X-Api-Key", key)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ledger.getBoolean("retracted")).isTrue();
        assertThat(ledger.getList("versions.status")).containsExactly("accepted", "retracted");

        // sent again as usable, it comes back as a new version
        JsonPath back = post(key, article.deepCopy().put("pubstatus", "usable"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertThat(back.getString("status")).isEqualTo("updated");
        assertThat(back.getInt("version")).isEqualTo(3);
    }

    @Test
    void aKillNoticeWithOnlyItsUriAndPubstatusWithheldRetracts() {
        String key = Sources.newSourceKey();
        ObjectNode article = dpaArticle();
        post(key, article).then().statusCode(202);

        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("uri", article.get("uri").asText(), "pubstatus", "withheld"))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("retracted"));
    }

    @Test
    void onlyTheSourceOfAnArticleCanRetractIt() {
        ObjectNode article = dpaArticle();
        post(Sources.newSourceKey(), article).then().statusCode(202);

        post(Sources.newSourceKey(), article.deepCopy().put("pubstatus", "canceled"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("only that source can retract it"));
    }

    @Test
    void retractingAnArticleNeverAcceptedIsANotFoundProblemNamingIt() {
        ObjectNode article = dpaArticle();

        post(Sources.newSourceKey(), article.put("pubstatus", "canceled"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing to retract"))
                .body("detail", containsString(article.get("uri").asText()));
    }

    @Test
    void inABatchEachRetractionHasItsOwnResult() {
        String key = Sources.newSourceKey();
        ObjectNode kept = dpaArticle();
        ObjectNode gone = dpaArticle();
        post(key, kept).then().statusCode(202);
        post(key, gone).then().statusCode(202);

        List<String> statuses = given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(List.of(
                        NinjsExamples.JSON.convertValue(gone.deepCopy().put("pubstatus", "canceled"), Map.class),
                        Map.of(
                                "uri",
                                "urn:newsml:example.org:never-sent-" + UUID.randomUUID(),
                                "pubstatus",
                                "canceled"),
                        NinjsExamples.JSON.convertValue(kept, Map.class)))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .extract()
                .path("status");
        assertThat(statuses).containsExactly("retracted", "rejected", "duplicate");
    }

    private static ObjectNode dpaArticle() {
        try {
            JsonNode doc = NinjsExamples.JSON.readTree(
                    NinjsExamples.one("2.0/dpa_text.json").text());
            return ((ObjectNode) doc).put("uri", doc.get("uri").asText() + ":retraction-test-" + UUID.randomUUID());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static io.restassured.response.Response post(String key, JsonNode doc) {
        return given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(doc.toString())
                .post("/api/v1/articles");
    }
}
