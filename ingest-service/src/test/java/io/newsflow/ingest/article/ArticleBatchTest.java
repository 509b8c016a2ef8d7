package io.newsflow.ingest.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.newsflow.events.RawArticle;
import io.newsflow.ingest.RawEvents;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arrays and NDJSON: one result per article, bad articles rejected on their own, unknown fields kept. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class ArticleBatchTest {

    private static String key;

    @BeforeEach
    void registerASource() {
        // not in @BeforeAll: RestAssured knows the test port only once the application runs
        if (key == null) {
            key = Sources.newSourceKey();
        }
    }

    private static String url() {
        return "https://news.example.org/batch/" + UUID.randomUUID();
    }

    @Test
    void anArrayGetsOneResultPerArticleAndABadOneDoesNotSinkTheOthers() {
        String first = url();
        String third = url();
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("url", first, "title", "One", "body", "First article."),
                        Map.of("url", "mailto:desk@example.org", "title", "Two", "body", "Not a web page."),
                        Map.of("url", third, "title", "Three", "html", "<p>Third <b>article</b>.</p>"),
                        Map.of("url", first, "title", "One", "body", "First article.")))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("$", hasSize(4))
                .body("index", contains(0, 1, 2, 3))
                .body("status", contains("accepted", "rejected", "accepted", "duplicate"))
                .body("[1].error.status", equalTo(400))
                .body("[1].error.errors[0].field", equalTo("url"))
                .body(
                        "[3].id",
                        equalTo(given().header("X-Api-Key", key)
                                .contentType(ContentType.JSON)
                                .body(Map.of("url", first, "title", "One", "body", "First article."))
                                .post("/api/v1/articles")
                                .then()
                                .statusCode(202)
                                .body("status", equalTo("duplicate"))
                                .extract()
                                .<String>path("id")));
    }

    @Test
    void ndjsonIsReadALineAtATimeAndBadLinesAreReportedByIndex() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        String good = url();
        String withExtras = url();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("{\"url\":\"" + good + "\",\"title\":\"Good\",\"body\":\"A good line.\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write("{\"url\": \"https://example.org/x\", \"title\": \n".getBytes(StandardCharsets.UTF_8));
        body.write("\n".getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {'{', '"', 'u', '"', ':', (byte) 0xC3, (byte) 0x28, '}', '\n'});
        body.write(("{\"url\":\"" + withExtras + "\",\"title\":\"Extras\",\"body\":\"Kept fields.\","
                        + "\"authors\":[\"A. Writer\"],\"section\":\"world\",\"tags\":[\"summit\"],"
                        + "\"desk\":\"foreign\",\"wordCount\":42}")
                .getBytes(StandardCharsets.UTF_8));

        List<Map<String, Object>> results = given().header("X-Api-Key", key)
                .contentType(ArticleResource.NDJSON)
                .body(body.toByteArray())
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", contains("accepted", "rejected", "rejected", "accepted"))
                .body("[1].error.errors[0].message", containsString("line 2 is not valid JSON"))
                .body("[2].error.errors[0].message", containsString("line 4 is not valid UTF-8"))
                .extract()
                .path("$");
        String id = (String) results.get(3).get("id");

        RawArticle raw = RawEvents.published(id, since);
        assertThat(raw.extra()).containsEntry("desk", "foreign").containsEntry("wordCount", 42);
        assertThat(raw.authors()).containsExactly("A. Writer");
        assertThat(raw.section()).isEqualTo("world");
        assertThat(raw.tags()).containsExactly("summit");
        assertThat(raw.sourceId()).isNotBlank();
    }

    @Test
    void aLargeNdjsonBatchIsTakenInChunksWithEveryArticleAccepted() {
        StringBuilder body = new StringBuilder();
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 1200; i++) {
            body.append("{\"url\":\"https://news.example.org/bulk/")
                    .append(run)
                    .append('/')
                    .append(i)
                    .append("\",\"title\":\"Bulk ")
                    .append(i)
                    .append("\",\"body\":\"Bulk article number ")
                    .append(i)
                    .append(".\"}\n");
        }
        List<String> statuses = given().header("X-Api-Key", key)
                .contentType(ArticleResource.NDJSON)
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("$", hasSize(1200))
                .extract()
                .path("status");
        assertThat(statuses).containsOnly("accepted");
        List<Integer> indexes = given().header("X-Api-Key", key)
                .contentType(ArticleResource.NDJSON)
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("duplicate")))
                .extract()
                .path("index");
        assertThat(indexes).hasSize(1200).startsWith(0, 1, 2).endsWith(1199);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAProblemBeforeItIsRead() throws Exception {
        // a client announcing 11 MB and waiting for "100 Continue" gets the refusal without sending the body
        var response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/v1/articles"))
                                .header("X-Api-Key", key)
                                .header("Content-Type", "application/json")
                                .expectContinue(true)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024]))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":413").contains("10 MB");
    }

    @Test
    void anEmptyBatchIsAProblem() {
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body("[]")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("no article"));
    }
}
