package io.newsflow.search.trend;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Topic and entity trends over a week of their own, far in the future so no other article falls in it. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class TrendResourceTest {

    private static LocalDate firstDay;
    private static String steady;
    private static String surging;
    private static String person;

    @BeforeEach
    void publishOnce() {
        if (firstDay != null) {
            return;
        }
        String token = TestArticles.token();
        LocalDate start =
                LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(200_000));
        String steadyCode =
                "medtop:" + (10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000));
        String surgingCode =
                "medtop:" + (10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000));
        String name = "Trend Person " + token;
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            String date = start.plusDays(day) + "T12:00:00Z";
            // two a day, one on the last day: steady, then falling
            for (int i = 0; i < (day < 6 ? 2 : 1); i++) {
                articles.add(article(token, "steady-" + day + "-" + i)
                        .publishedAt(date)
                        .topic(steadyCode, "steady " + token)
                        .entity("person", name, null, null)
                        .build());
            }
        }
        for (int i = 0; i < 4; i++) {
            articles.add(article(token, "surging-" + i)
                    .publishedAt(start.plusDays(6) + "T08:00:00Z")
                    .topic(surgingCode, "surging " + token)
                    .build());
        }
        TestArticles.publish(articles.toArray(EnrichedArticle[]::new));
        TestArticles.awaitTotal(token, articles.size());
        steady = steadyCode;
        surging = surgingCode;
        person = name;
        firstDay = start;
    }

    @Test
    void topicsCountArticlesPerDayAndTheSurgingOneIsRising() {
        JsonPath trends = given().queryParam("interval", "day")
                .queryParam("from", firstDay.toString())
                .queryParam("to", firstDay.plusDays(6).toString())
                .get("/api/v1/trends/topics")
                .then()
                .statusCode(200)
                .body("interval", equalTo("day"))
                .body("intervals.size()", equalTo(7))
                .body("intervals[0]", equalTo(firstDay + "T00:00:00Z"))
                .extract()
                .jsonPath();
        assertThat(trends.getList("top.key")).containsExactly(steady, surging);
        assertThat(trends.getList("top[0].counts", Integer.class)).containsExactly(2, 2, 2, 2, 2, 2, 1);
        assertThat(trends.getInt("top[0].total")).isEqualTo(13);
        assertThat(trends.getString("top[0].label")).startsWith("steady");
        assertThat(trends.getList("top[1].counts", Integer.class)).containsExactly(0, 0, 0, 0, 0, 0, 4);
        assertThat(trends.getDouble("top[1].rise")).isEqualTo(5.0);
        assertThat(trends.getList("rising.key")).containsExactly(surging);
    }

    @Test
    void entitiesOfAType() {
        JsonPath trends = given().queryParam("type", "person")
                .queryParam("from", firstDay.toString())
                .queryParam("to", firstDay.plusDays(6).toString())
                .queryParam("size", 5)
                .get("/api/v1/trends/entities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(trends.getList("top.key")).containsExactly(person);
        assertThat(trends.getList("top[0].counts", Integer.class)).containsExactly(2, 2, 2, 2, 2, 2, 1);
        assertThat(trends.getList("rising")).isEmpty();
        given().queryParam("type", "organization")
                .queryParam("from", firstDay.toString())
                .queryParam("to", firstDay.plusDays(6).toString())
                .get("/api/v1/trends/entities")
                .then()
                .statusCode(200)
                .body("top.size()", equalTo(0));
    }

    @Test
    void weeksAndHoursBucketTheSameArticles() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().queryParam("interval", "hour")
                        .queryParam("from", firstDay.plusDays(6) + "T00:00:00Z")
                        .queryParam("to", firstDay.plusDays(7) + "T00:00:00Z")
                        .get("/api/v1/trends/topics")
                        .then()
                        .statusCode(200)
                        .body("intervals.size()", equalTo(24))
                        .body("top.find { it.key == '" + surging + "' }.counts[8]", equalTo(4))
                        .body("top.find { it.key == '" + steady + "' }.counts[12]", equalTo(1)));
        given().queryParam("interval", "week")
                .queryParam("from", firstDay.toString())
                .queryParam("to", firstDay.plusDays(6).toString())
                .get("/api/v1/trends/topics")
                .then()
                .statusCode(200)
                .body("top.find { it.key == '" + steady + "' }.total", equalTo(13));
    }

    @Test
    void invalidParametersAreProblemsNamingThem() {
        for (Map.Entry<String, Map<String, String>> invalid : List.of(
                Map.entry("type", Map.of("type", "animal")),
                Map.entry("interval", Map.of("type", "person", "interval", "minute")),
                Map.entry("from", Map.of("type", "person", "from", "last week")),
                Map.entry("from", Map.of("type", "person", "interval", "hour", "from", "2000-01-01")),
                Map.entry("size", Map.of("type", "person", "size", "0")),
                Map.entry("size", Map.of("type", "person", "size", "many")),
                Map.entry("to", Map.of("type", "person", "to", "+999999999-01-01T00:00:00Z")))) {
            given().queryParams(invalid.getValue())
                    .get("/api/v1/trends/entities")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(invalid.getKey()));
        }
    }
}
