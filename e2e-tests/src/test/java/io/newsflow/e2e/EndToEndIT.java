package io.newsflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.newsflow.events.ArticleIds;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end: the three packaged services on the real Kafka, PostgreSQL and Elasticsearch,
 * an article posted to the ingest service found through the search service.
 */
@ExtendWith(RunningSystem.class)
class EndToEndIT {

    private static final String INGEST = RunningSystem.INGEST;
    private static final String SEARCH = RunningSystem.SEARCH;

    private static String sourceKey;

    @BeforeAll
    static void registerANewsroom() {
        sourceKey = RunningSystem.newSource("End-to-end newsroom");
    }

    @Test
    void postedArticlesBecomeSearchableOnceEach() {
        String token = "e2e" + UUID.randomUUID().toString().replace("-", "");
        List<Map<String, String>> articles = List.of(
                article(
                        token,
                        1,
                        "Flooding closes roads in the north",
                        "Heavy rain flooded several roads in the north of the country on Monday. Emergency services"
                                + " asked drivers to avoid the area while crews pumped water from the main highway."),
                article(
                        token,
                        2,
                        "Central bank holds rates",
                        "The central bank kept its main interest rate unchanged on Thursday, saying inflation was"
                                + " falling more slowly than expected and that it would watch wage growth closely."),
                article(
                        token,
                        3,
                        "Election date announced",
                        "The electoral commission announced that the general election will be held in October."
                                + " Parties now have six weeks to register their candidates with the commission."));

        List<String> ids = articles.stream()
                .map(article -> given().header("X-Api-Key", sourceKey)
                        .contentType(ContentType.JSON)
                        .body(article)
                        .post(INGEST + "/api/v1/articles")
                        .then()
                        .statusCode(202)
                        .body("status", equalTo("accepted"))
                        .extract()
                        .<String>path("id"))
                .toList();
        assertThat(ids)
                .containsExactlyElementsOf(articles.stream()
                        // the tracking parameter is not part of the canonical URL the id comes from
                        .map(article ->
                                ArticleIds.forCanonicalUrl(article.get("url").replace("?utm_campaign=test", "")))
                        .toList());

        await().atMost(Duration.ofSeconds(90)).until(() -> total(token) == 3);
        Map<String, String> titlesById = Map.of(
                ids.get(0), "Flooding closes roads in the north",
                ids.get(1), "Central bank holds rates",
                ids.get(2), "Election date announced");
        List<Map<String, Object>> items = given().queryParam("q", token)
                .queryParam("size", 10)
                .get(SEARCH + "/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(items).hasSize(3);
        for (Map<String, Object> item : items) {
            assertThat(titlesById).containsEntry((String) item.get("id"), (String) item.get("title"));
            assertThat(item.get("language")).isEqualTo("en");
        }

        // the same article again: a duplicate, and still one document
        given().header("X-Api-Key", sourceKey)
                .contentType(ContentType.JSON)
                .body(articles.getFirst())
                .post(INGEST + "/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("duplicate"))
                .body("id", equalTo(ids.getFirst()));
        // and a corrected version of it: a new version that replaces the document, not a second one
        Map<String, String> corrected = Map.of(
                "url",
                articles.getFirst().get("url"),
                "title",
                "Flooding closes roads and schools in the north",
                "body",
                articles.getFirst().get("body") + " Schools closed too. " + token);
        given().header("X-Api-Key", sourceKey)
                .contentType(ContentType.JSON)
                .body(corrected)
                .post(INGEST + "/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("updated"))
                .body("version", equalTo(2));

        await().atMost(Duration.ofSeconds(60)).until(() -> total(token + " AND schools") == 1);
        assertThat(total(token)).isEqualTo(3);
        given().queryParam("q", token + " AND schools")
                .get(SEARCH + "/api/v1/search")
                .then()
                .body("items[0].id", equalTo(ids.getFirst()))
                .body("items[0].title", equalTo("Flooding closes roads and schools in the north"));
    }

    @Test
    void aNinjsArticleCanceledByItsNewsroomLeavesTheSearchIndex() {
        String token = "e2e" + UUID.randomUUID().toString().replace("-", "");
        String uri = "urn:newsml:news.example.org:2024:" + token;
        Map<String, Object> ninjs = Map.of(
                "uri", uri,
                "type", "text",
                "pubstatus", "usable",
                "versioncreated", "2024-05-06T09:30:00Z",
                "headline", "Harbour reopens after the storm",
                "body_text",
                        "The harbour reopened on Monday after a storm closed it for three days. Ferries"
                                + " resumed their crossings in the afternoon. Reference " + token + ".");
        String id = given().header("X-Api-Key", sourceKey)
                .contentType(ContentType.JSON)
                .body(ninjs)
                .post(INGEST + "/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(90)).until(() -> total(token) == 1);

        given().header("X-Api-Key", sourceKey)
                .contentType(ContentType.JSON)
                .body(Map.of("uri", uri, "pubstatus", "canceled"))
                .post(INGEST + "/api/v1/articles")
                .then()
                .statusCode(202)
                .body("status", equalTo("retracted"))
                .body("id", equalTo(id));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(token) == 0);
        given().get(SEARCH + "/api/v1/articles/" + id).then().statusCode(404);
        // the ledger keeps its history
        given().header("X-Api-Key", sourceKey)
                .get(INGEST + "/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("retracted", equalTo(true))
                .body("versions.status", equalTo(List.of("accepted", "retracted")));
    }

    @Test
    void aScrapedPageWithoutATitleIsFoundUnderItsHeadline() {
        String token = "e2e" + UUID.randomUUID().toString().replace("-", "");
        String page = String.join(
                "\n",
                "Accessibility links",
                "Home | World | Business | Sport",
                "Rivers burst their banks across the north of England",
                "By Jane Smith",
                "Published 12 March 2019",
                "Hundreds of people left their homes in Yorkshire and Cumbria on Tuesday after rivers burst their"
                        + " banks following three days of heavy rain, the Environment Agency said.",
                "• 16x9 Image",
                "The agency issued twelve severe flood warnings, the highest level, meaning a danger to life, and said"
                        + " the rivers would stay high for days. Reference " + token + ".",
                "WATCH: Drone footage of the floods",
                "Share this article");
        given().header("X-Api-Key", sourceKey)
                .contentType("text/plain; charset=utf-8")
                .body(page)
                .post(INGEST + "/api/v1/pages?url=https://news.example.org/e2e/page/" + token)
                .then()
                .statusCode(202);

        await().atMost(Duration.ofSeconds(90)).until(() -> total(token) == 1);
        given().queryParam("q", token)
                .get(SEARCH + "/api/v1/search")
                .then()
                .body("items[0].title", equalTo("Rivers burst their banks across the north of England"))
                .body("items[0].titleSource", equalTo("page-headline"));
    }

    private static Map<String, String> article(String token, int n, String title, String body) {
        return Map.of(
                "url", "https://news.example.org/e2e/" + token + "/" + n + "?utm_campaign=test",
                "title", title,
                "body", body + " Reference " + token + ".",
                "publishedAt", "2024-05-0" + n + "T09:30:00Z");
    }

    private static int total(String q) {
        return given().queryParam("q", q)
                .get(SEARCH + "/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }
}
