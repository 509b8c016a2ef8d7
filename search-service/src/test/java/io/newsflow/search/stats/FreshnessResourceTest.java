package io.newsflow.search.stats;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class FreshnessResourceTest {

    @Test
    void delaysOfTheLastHourAndPerSourceCounts() {
        String token = TestArticles.token();
        String source = "fresh-" + token;
        // received 3 s before they are published here: the delay is at least that
        Instant received = Instant.now().minusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        TestArticles.publish(
                article(token, "a").source(source).receivedAt(received).build(),
                article(token, "b").source(source).receivedAt(received).build());
        TestArticles.awaitTotal(token, 2);

        JsonPath freshness = given().get("/api/v1/stats/freshness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(freshness.getLong("articles")).isGreaterThanOrEqualTo(2);
        assertThat(freshness.getDouble("delayMillis.p50")).isGreaterThanOrEqualTo(0);
        assertThat(freshness.getDouble("delayMillis.p99"))
                .isGreaterThanOrEqualTo(3_000)
                .isGreaterThanOrEqualTo(freshness.getDouble("delayMillis.p50"));
        Map<String, Object> ours = freshness.getMap("sources.find { it.source == '" + source + "' }");
        assertThat(ours).containsEntry("articles", 2).containsEntry("lastHour", 2);
        assertThat(Instant.parse((String) ours.get("latestReceivedAt"))).isEqualTo(received);
        // most recently received first (other tests' articles may be newer than these, received 3 s back)
        List<Instant> latest = freshness.getList("sources.latestReceivedAt", String.class).stream()
                .map(Instant::parse)
                .toList();
        assertThat(latest).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
