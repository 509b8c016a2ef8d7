package io.newsflow.search.dashboard;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboard's page and endpoints on the real Kafka and Elasticsearch, open as on the embedded default. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardResourceTest {

    @TestHTTPResource("/api/v1/dashboard/live")
    URI live;

    @Test
    void thePageItsScriptsAndTheChartLibraryAreServedWithoutAKey() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Pipeline health"))
                .body(containsString("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"));
        given().get("/dashboard/dashboard.js").then().statusCode(200).body(containsString("textContent"));
        given().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")
                .then()
                .statusCode(200)
                .body(containsString("uPlot"));
        // the chart library's licence stays reachable from the page's footer
        given().get("/webjars/uplot/1.6.30/LICENSE").then().statusCode(200).body(containsString("MIT"));
    }

    @Test
    void pipelineShowsDeadLettersWithReasonsDelayAndTheServicesThatDoNotAnswerAsUnavailable() {
        String token = TestArticles.token();
        TestArticles.publish(article(token, "fresh").build());
        TestArticles.awaitTotal(token, 1);
        String key = "dashboard-broken-" + token;
        TestArticles.send(key, "{\"not\": \"an enriched article\"}");

        JsonPath pipeline = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().get("/api/v1/dashboard/pipeline")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> json.getList("deadLetters.latest.key").contains(key));

        Map<String, Object> letter = pipeline.getMap("deadLetters.latest.find { it.key == '" + key + "' }");
        assertThat(letter).containsEntry("topic", "news.articles.enriched");
        assertThat((String) letter.get("reason")).isNotBlank();
        assertThat(pipeline.getLong("deadLetters.count")).isPositive();
        assertThat(pipeline.getBoolean("deadLetters.available")).isTrue();

        // ingest and enrich point at a port where nothing answers (application.properties, test profile)
        assertThat(pipeline.getList("services.service")).containsExactly("ingest", "enrich", "search");
        for (String down : List.of("ingest", "enrich")) {
            Map<String, Object> service = pipeline.getMap("services.find { it.service == '" + down + "' }");
            assertThat(service).containsEntry("available", false).doesNotContainKey("status");
            assertThat((String) service.get("problem")).contains("no answer from http://127.0.0.1:9/api/v1/status");
        }
        assertThat(pipeline.getBoolean("feeds.available")).isFalse();
        assertThat(pipeline.getString("feeds.problem")).contains("/api/v1/feeds/health");

        assertThat(pipeline.getBoolean("delay.available")).isTrue();
        assertThat(pipeline.getLong("delay.articles")).isPositive();
        assertThat(pipeline.getDouble("delay.p99Millis")).isGreaterThanOrEqualTo(pipeline.getDouble("delay.p50Millis"));
    }

    @Test
    void theLiveFeedSendsANewlyIndexedArticle() throws Exception {
        String token = TestArticles.token();
        String title = "Live " + token;
        try (HttpClient http = HttpClient.newHttpClient()) {
            // the stream's headers may wait for its first event: connect, then index the article
            CompletableFuture<HttpResponse<Stream<String>>> connecting = http.sendAsync(
                    HttpRequest.newBuilder(live)
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            TestArticles.publish(article(token, "live")
                    .title(title)
                    .topic("medtop:04000000", "economy, business and finance")
                    .entity("organization", "Acme " + token, null, null)
                    .build());
            HttpResponse<Stream<String>> response = connecting.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> response.body()
                    .filter(line -> line.startsWith("data:") && line.contains(token))
                    .findFirst()
                    .orElseThrow());
            try {
                JsonPath article = JsonPath.from(event.get(60, TimeUnit.SECONDS).substring("data:".length()));
                assertThat(article.getString("title")).isEqualTo(title);
                assertThat(article.getString("source")).isEqualTo("test-source");
                assertThat(article.getList("topics.code")).containsExactly("medtop:04000000");
                assertThat(article.getList("entities.name")).containsExactly("Acme " + token);
                assertThat(article.getString("indexedAt")).isNotBlank();
            } finally {
                response.body().close();
            }
        }
    }
}
