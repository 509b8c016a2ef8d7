package io.newsflow.ingest.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Readiness, the meters and the status endpoint of the ingest service, on the real Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class IngestObservabilityTest {

    @Test
    void readinessChecksKafkaAndPostgresql() {
        // other suites stop and restart the shared engines: a pooled connection they broke is replaced on the next
        // check
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"))
                        .body(
                                "checks.name",
                                hasItems(
                                        "Kafka connection health check",
                                        "Reactive PostgreSQL connections health check")));
    }

    @Test
    void articlesInOutAndRejectedAreCountedAndTheStatusSaysSo() {
        String key = Sources.newSourceKey();
        double in = Scrape.value("newsflow_ingest_articles_in_total");
        double out = Scrape.value("newsflow_ingest_articles_out_total");
        double invalid = Scrape.value("newsflow_ingest_articles_failed_total{reason=\"invalid\"}");
        double published = Scrape.value("newsflow_ingest_stage_latency_seconds_count{stage=\"publish\"}");

        String url = "https://news.example.org/metrics/" + UUID.randomUUID();
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("url", url, "title", "Counted", "body", "An article the meters count."),
                        Map.of("url", "not a url", "title", "Refused", "body", "Rejected: its URL is not one.")))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo(List.of("accepted", "rejected")));

        // other tests of this module post at the same time: at least this request's counts
        assertThat(Scrape.value("newsflow_ingest_articles_in_total")).isGreaterThanOrEqualTo(in + 2);
        assertThat(Scrape.value("newsflow_ingest_articles_out_total")).isGreaterThanOrEqualTo(out + 1);
        assertThat(Scrape.value("newsflow_ingest_articles_failed_total{reason=\"invalid\"}"))
                .isGreaterThanOrEqualTo(invalid + 1);
        assertThat(Scrape.value("newsflow_ingest_stage_latency_seconds_count{stage=\"publish\"}"))
                .isGreaterThanOrEqualTo(published + 1);
        assertThat(Scrape.value("newsflow_ingest_stage_latency_seconds_bucket{stage=\"publish\",le=\"+Inf\"}"))
                .isGreaterThanOrEqualTo(published + 1);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/status")
                        .then()
                        .statusCode(200)
                        .body("service", equalTo("ingest"))
                        .body("articles.in", greaterThanOrEqualTo((int) in + 2))
                        .body("articles.failed", greaterThanOrEqualTo(1))
                        .body("ratePerSecond.in", greaterThan(0f))
                        .body("consumerLag", nullValue())
                        .body("checks", equalTo(Map.of("kafka", "UP", "postgresql", "UP"))));
    }

    @Test
    void feedMetersAreExportedFromTheStart() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(body)
                .contains("newsflow_ingest_feeds_failing ", "newsflow_ingest_feeds_polls_total{outcome=\"failure\"}");
    }
}
