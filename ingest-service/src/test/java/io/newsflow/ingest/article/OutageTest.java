package io.newsflow.ingest.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.newsflow.events.TopicReader;
import io.newsflow.events.Topics;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStack;
import io.newsflow.local.LocalStackTestResource;
import io.newsflow.local.StackConfig;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The real broker and database go away: the service answers 503 with Retry-After instead of 202, and every
 * article it did answer 202 for is on the topic once the broker is back.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class OutageTest {

    private final LocalStack stack = new LocalStack(StackConfig.tests());

    private static Response post(String key, String url) {
        return given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "title", "Outage " + url, "body", "Written during an outage test."))
                .post("/api/v1/articles");
    }

    @Test
    void withoutKafkaTheAnswerIs503AndNothingAcknowledgedIsLost() {
        String key = Sources.newSourceKey();
        Instant since = Instant.now().minusSeconds(5);
        String run = UUID.randomUUID().toString();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(post(key, "https://news.example.org/outage/" + run + "/" + i)
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id"));
        }

        String duringOutage = "https://news.example.org/outage/" + run + "/down";
        try {
            assertThat(stack.stopEngine("Kafka")).isTrue();
            Response refused = post(key, duringOutage);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.jsonPath().getString("detail")).contains("Kafka");
        } finally {
            stack.startEngines();
        }

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        for (String id : acknowledged) {
            assertThat(TopicReader.find(bootstrap, Topics.RAW, since, Duration.ofSeconds(30), r -> id.equals(r.key())))
                    .as("acknowledged article " + id + " on the raw topic after the outage")
                    .isPresent();
        }
        // the refused article left nothing behind: sent again, it is accepted, not a duplicate
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> post(key, duringOutage).statusCode() == 202);
        given().header("X-Api-Key", key)
                .get("/api/v1/articles/"
                        + post(key, duringOutage).then().extract().path("id"))
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo(1))
                .body("versions.size()", equalTo(1));
    }

    @Test
    void withoutPostgresqlTheAnswerIs503() {
        String key = Sources.newSourceKey();
        try {
            assertThat(stack.stopEngine("PostgreSQL")).isTrue();
            Response refused = post(key, "https://news.example.org/outage/pg/" + UUID.randomUUID());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.jsonPath().getString("detail")).contains("PostgreSQL");
        } finally {
            stack.startEngines();
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> post(key, "https://news.example.org/outage/pg/after/" + UUID.randomUUID())
                                .statusCode()
                        == 202);
    }
}
