package io.newsflow.search.query;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of search quality on real news: a third of the Wikinews 2004-2018 corpus in ../shared/data
 * (skipped when it is absent), each article found again by its title, and a topical query whose results lean
 * to the right category. Articles keep their Wikinews URLs, so repeated runs index the same documents.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class SearchQualityTest {

    private static final Path CORPUS = Path.of("..", "..", "shared", "data", "corpus", "wikinews-2004-2018");
    private static final String SOURCE = "wikinews-quality";
    private static final String POLITICS = "medtop:11000000";
    private static final String ECONOMY = "medtop:04000000";

    @Test
    void articlesAreFoundByTheirTitlesAndTopicalQueriesLeanToTheirCategory() throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(CORPUS),
                "Skipped: the Wikinews corpus is not at "
                        + CORPUS.toAbsolutePath().normalize());
        List<EnrichedArticle> articles = load();
        TestArticles.publish(articles.toArray(EnrichedArticle[]::new));
        await().atMost(Duration.ofSeconds(180))
                .until(() -> given().queryParam("source", SOURCE)
                                .queryParam("size", 1)
                                .get("/api/v1/search")
                                .then()
                                .extract()
                                .<Integer>path("total")
                        >= articles.stream().map(EnrichedArticle::id).distinct().count());

        int queries = 0;
        int first = 0;
        int topTen = 0;
        for (int i = 0; i < articles.size(); i += 20) {
            EnrichedArticle wanted = articles.get(i);
            List<String> ids = given().queryParam("q", words(wanted.title()))
                    .queryParam("source", SOURCE)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.id");
            queries++;
            first += !ids.isEmpty() && ids.getFirst().equals(wanted.id()) ? 1 : 0;
            topTen += ids.contains(wanted.id()) ? 1 : 0;
            if (!ids.contains(wanted.id())) {
                System.out.printf("[search quality] not found by its title: %s (%s)%n", wanted.title(), wanted.url());
            }
        }
        System.out.printf(
                "[search quality] %d Wikinews articles, %d title queries: found first %.3f, in the top 10 %.3f%n",
                articles.size(), queries, first / (double) queries, topTen / (double) queries);
        assertThat(topTen / (double) queries).isGreaterThanOrEqualTo(0.95);
        assertThat(first / (double) queries).isGreaterThanOrEqualTo(0.8);

        Map<String, Integer> politics = topicCounts("election parliament vote");
        Map<String, Integer> economy = topicCounts("shares market prices");
        System.out.printf(
                "[search quality] topics of 'election parliament vote': %s; of 'shares market prices': %s%n",
                politics, economy);
        assertThat(politics.getOrDefault(POLITICS, 0)).isGreaterThan(politics.getOrDefault(ECONOMY, 0));
        assertThat(economy.getOrDefault(ECONOMY, 0)).isGreaterThan(economy.getOrDefault(POLITICS, 0));
    }

    private static Map<String, Integer> topicCounts(String q) {
        List<Map<String, Object>> topics = given().queryParam("q", q)
                .queryParam("source", SOURCE)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("facets.topics");
        Map<String, Integer> counts = new java.util.TreeMap<>();
        topics.forEach(t -> counts.put((String) t.get("code"), (Integer) t.get("count")));
        return counts;
    }

    /** The title's words, lower-cased (so no AND / OR / NOT), with the characters of query syntax as spaces. */
    private static String words(String title) {
        return title.toLowerCase(Locale.ROOT)
                .replaceAll("[\"()\\[\\]{}:/\\\\^~*?!+&|<>=-]+", " ")
                .strip();
    }

    /** Every third article of the corpus, with its category as its topic. */
    private static List<EnrichedArticle> load() throws IOException {
        List<EnrichedArticle> articles = new ArrayList<>();
        int line = 0;
        try (var files = Files.list(CORPUS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String json : Files.readAllLines(file)) {
                    if (json.isBlank() || line++ % 3 != 0) {
                        continue;
                    }
                    JsonNode node = EventJson.mapper().readTree(json);
                    String text = node.path("text").asText();
                    if (text.isBlank() || !node.hasNonNull("url") || !node.hasNonNull("title")) {
                        continue;
                    }
                    boolean politics = node.path("category").asText().startsWith("Politics");
                    articles.add(article("wikinews", "x")
                            .url(node.get("url").asText())
                            .title(node.get("title").asText())
                            .body(text)
                            .source(SOURCE)
                            .publishedAt(
                                    node.path("date").asText().matches("\\d{4}-\\d{2}-\\d{2}")
                                            ? node.get("date").asText() + "T00:00:00Z"
                                            : null)
                            .topic(
                                    politics ? POLITICS : ECONOMY,
                                    politics ? "politics" : "economy, business and finance")
                            .build());
                }
            }
        }
        return articles;
    }
}
