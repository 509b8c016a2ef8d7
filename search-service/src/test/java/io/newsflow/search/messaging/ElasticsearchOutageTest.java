package io.newsflow.search.messaging;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.local.LocalStack;
import io.newsflow.local.LocalStackTestResource;
import io.newsflow.local.StackConfig;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch stops while articles keep coming: searches answer 503, the consumer holds its batch and retries,
 * and once Elasticsearch is back every article is searchable. Stops the shared test stack's Elasticsearch for
 * about a minute.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class ElasticsearchOutageTest {

    private static final String ELASTICSEARCH = "Elasticsearch";

    @Test
    void nothingIsLostWhileElasticsearchIsDown() {
        String token = TestArticles.token();
        TestArticles.publish(batch(token, "before", 5));
        TestArticles.awaitTotal(token, 5);

        LocalStack stack = new LocalStack(StackConfig.tests());
        try {
            stack.stopEngine(ELASTICSEARCH);
            TestArticles.publish(batch(token, "during", 40));
            given().queryParam("q", token)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            // readiness and the status say which dependency is away
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body(
                                    "checks.find { it.name == 'Elasticsearch cluster health check' }.status",
                                    equalTo("DOWN")));
            given().get("/api/v1/status").then().statusCode(200).body("checks.elasticsearch", equalTo("DOWN"));
            // the consumer retries its batch meanwhile, a few rounds of backoff
            await().during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            given().queryParam("q", token).get("/api/v1/search").statusCode() == 503);
        } finally {
            stack.startEngines();
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> TestArticles.total(token) == 45);
        given().queryParam("q", token)
                .queryParam("size", 1)
                .queryParam("sort", "newest")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(45));
    }

    private static EnrichedArticle[] batch(String token, String phase, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> article(token, phase + "-" + i).build())
                .toArray(EnrichedArticle[]::new);
    }
}
