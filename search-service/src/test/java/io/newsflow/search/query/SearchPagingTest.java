package io.newsflow.search.query;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cursor pagination over 23 articles, and the 400 problems of invalid parameters. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class SearchPagingTest {

    private static final int ARTICLES = 23;

    private static String token;
    private static List<String> ids;

    @BeforeEach
    void publishOnce() {
        if (token != null) {
            return;
        }
        String t = TestArticles.token();
        // five share a publication time, so pages must break ties on the id
        EnrichedArticle[] articles = IntStream.range(0, ARTICLES)
                .mapToObj(i -> article(t, "page-" + i)
                        .publishedAt(i < 5 ? "2024-06-01T00:00:00Z" : "2024-06-%02dT00:00:00Z".formatted(i + 2))
                        .body("Page text " + i + " about " + t + (" again " + t).repeat(i % 4) + ".")
                        .build())
                .toArray(EnrichedArticle[]::new);
        TestArticles.publish(articles);
        TestArticles.awaitTotal(t, ARTICLES);
        ids = java.util.Arrays.stream(articles).map(EnrichedArticle::id).toList();
        token = t;
    }

    @Test
    void fivePagesNewestFirstWithoutDuplicatesOrGaps() {
        List<String> walked = walk("newest");
        assertThat(walked).containsExactlyInAnyOrderElementsOf(ids);
        // newest first: the article published last leads
        assertThat(walked.getFirst()).isEqualTo(ids.getLast());
    }

    @Test
    void fivePagesOldestFirstAndByRelevance() {
        assertThat(walk("oldest")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(walk("relevance")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void relevancePagesStayRightWhileOtherArticlesArrive() {
        ValidatableResponse first = page("relevance", null);
        List<String> walked = new ArrayList<>(first.extract().<List<String>>path("items.id"));
        String cursor = first.extract().path("nextCursor");
        // every document indexed changes every score a little: a cursor holding a score would now skip or repeat
        String other = TestArticles.token();
        TestArticles.publish(IntStream.range(0, 20)
                .mapToObj(i -> article(other, "other-" + i).build())
                .toArray(EnrichedArticle[]::new));
        TestArticles.awaitTotal(other, 20);
        while (cursor != null) {
            ValidatableResponse page = page("relevance", cursor);
            walked.addAll(page.extract().<List<String>>path("items.id"));
            cursor = page.extract().path("nextCursor");
        }
        assertThat(walked).hasSize(ARTICLES).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aCursorIsRefusedWithAnotherSortOrWhenTamperedWith() {
        String cursor = page("newest", null).extract().path("nextCursor");
        problem(given().queryParam("q", token)
                        .queryParam("sort", "oldest")
                        .queryParam("cursor", cursor)
                        .get("/api/v1/search")
                        .then())
                .body("errors[0].field", equalTo("cursor"))
                .body("detail", containsString("sort=newest"));
        for (String bad : List.of(
                "not a cursor",
                "e30",
                Base64.getUrlEncoder().encodeToString("{\"sort\":\"newest\",\"after\":[\"x\",1]}".getBytes()),
                Base64.getUrlEncoder().encodeToString("[1,2,3]".getBytes()))) {
            problem(given().queryParam("cursor", bad)
                            .queryParam("sort", "newest")
                            .get("/api/v1/search")
                            .then())
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void aCursorOfAQueryIsRefusedWithoutTheQuery() {
        String cursor = given().queryParam("q", token)
                .queryParam("size", 5)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        problem(given().queryParam("cursor", cursor).get("/api/v1/search").then())
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void everyInvalidParameterIsAProblemNamingIt() {
        assertProblem("sort", "sort", "best");
        assertProblem("size", "size", "0");
        assertProblem("size", "size", "101");
        assertProblem("size", "size", "abc");
        assertProblem("size", "size", "99999999999");
        assertProblem("from", "from", "yesterday");
        assertProblem("to", "to", "+999999999-01-01T00:00:00Z");
        assertProblem("from", "from", "0001-01-01");
        assertProblem("to", "to", "2024-13-01");
        assertProblem("duplicates", "duplicates", "maybe");
        assertProblem("q", "q", "x".repeat(QueryText.MAX_LENGTH + 1));
        assertProblem("q", "q", "\"unbalanced phrase");
        assertProblem("q", "q", "?udget");
        assertProblem("person", "person", "p".repeat(201));
        problem(given().queryParam("from", "2024-05-02")
                        .queryParam("to", "2024-05-01")
                        .get("/api/v1/search")
                        .then())
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void fieldNamesRegularExpressionsAndRangesAreTakenAsText() {
        // read as syntax, each would match this test's 23 articles; read as words, none has them
        for (String syntax : List.of(
                "id:" + ids.getFirst(), "/tok.*/", "publishedAt:[2000 TO 2100]", "_exists_:title", "body:{a TO z}")) {
            given().queryParam("q", token + " " + syntax)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(0));
        }
    }

    private static void assertProblem(String field, String parameter, String value) {
        problem(given().queryParam(parameter, value).get("/api/v1/search").then())
                .body("errors[0].field", equalTo(field));
    }

    private static ValidatableResponse problem(ValidatableResponse response) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(not(containsString("Exception")));
    }

    private static List<String> walk(String sort) {
        List<String> walked = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            ValidatableResponse page = page(sort, cursor).body("total", equalTo(ARTICLES));
            List<String> pageIds = page.extract().path("items.id");
            walked.addAll(pageIds);
            seen.addAll(pageIds);
            cursor = page.extract().path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(5);
        assertThat(walked).hasSize(ARTICLES).hasSameSizeAs(seen);
        return walked;
    }

    private static ValidatableResponse page(String sort, String cursor) {
        var request = given().queryParam("q", token).queryParam("sort", sort).queryParam("size", 5);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void theLastPageHasNoNextCursor() {
        page("newest", null).body("nextCursor", not(nullValue()));
        given().queryParam("q", token)
                .queryParam("size", 100)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("nextCursor", nullValue());
    }
}
