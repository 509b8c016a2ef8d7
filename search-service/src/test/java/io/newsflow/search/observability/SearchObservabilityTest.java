package io.newsflow.search.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness, the indexing meters (bulk size, delay), consumer lag and the status of the search service. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class SearchObservabilityTest {

    @Test
    void readinessChecksKafkaAndElasticsearch() {
        // other suites stop and restart the shared engines: a pooled connection they broke is replaced on the next
        // check
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"))
                        .body(
                                "checks.name",
                                hasItems("Kafka connection health check", "Elasticsearch cluster health check")));
    }

    @Test
    void indexedArticlesAreCountedWithTheirBulkAndTheirDelay() {
        double in = value("newsflow_search_articles_in_total");
        double out = value("newsflow_search_articles_out_total");
        double bulks = value("newsflow_search_bulk_size_count");
        double delays = value("newsflow_search_delay_seconds_count");
        double delaySum = value("newsflow_search_delay_seconds_sum");

        String token = TestArticles.token();
        // received at ingest ten minutes ago: the delay to indexing is at least that
        Instant receivedAt = Instant.now().minus(Duration.ofMinutes(10));
        TestArticles.publish(
                TestArticles.article(token, "observed-1").receivedAt(receivedAt).build(),
                TestArticles.article(token, "observed-2").receivedAt(receivedAt).build());
        TestArticles.awaitTotal(token, 2);

        assertThat(value("newsflow_search_articles_in_total")).isGreaterThanOrEqualTo(in + 2);
        assertThat(value("newsflow_search_articles_out_total")).isGreaterThanOrEqualTo(out + 2);
        assertThat(value("newsflow_search_bulk_size_count")).isGreaterThanOrEqualTo(bulks + 1);
        assertThat(value("newsflow_search_bulk_size_max")).isGreaterThanOrEqualTo(1);
        assertThat(value("newsflow_search_delay_seconds_count")).isGreaterThanOrEqualTo(delays + 2);
        assertThat(value("newsflow_search_delay_seconds_sum") - delaySum).isGreaterThanOrEqualTo(2 * 600);
        assertThat(value("newsflow_search_stage_latency_seconds_count{stage=\"bulk\"}"))
                .isPositive();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/status")
                        .then()
                        .statusCode(200)
                        .body("service", equalTo("search"))
                        .body("articles.out", greaterThanOrEqualTo((int) out + 2))
                        .body("consumerLag", greaterThanOrEqualTo(0))
                        .body("checks", equalTo(Map.of("kafka", "UP", "elasticsearch", "UP"))));
    }

    /** The value of one series of the service's {@code /q/metrics}, written as the registry prints it; 0 if absent. */
    private static double value(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(series + " "))
                // the value, then maybe an exemplar (# {trace_id=...} ...) when a span was current
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]))
                .findFirst()
                .orElse(0);
    }
}
