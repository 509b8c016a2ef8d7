package io.newsflow.search.query;

import static io.newsflow.search.TestArticles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.local.LocalStackTestResource;
import io.newsflow.search.TestArticles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each filter, facet and sort of GET /api/v1/search on four articles of their own. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class SearchFiltersTest {

    private static final String POLITICS = "medtop:11000000";
    private static final String ECONOMY = "medtop:04000000";

    private static String token;
    private static EnrichedArticle budget;
    private static EnrichedArticle tariffs;
    private static EnrichedArticle merger;
    private static EnrichedArticle mergerCopy;

    @BeforeEach
    void publishOnce() {
        if (token != null) {
            return;
        }
        String t = TestArticles.token();
        budget = article(t, "budget")
                .title("Budget vote in Freedonia")
                .source("wire")
                .publishedAt("2024-05-01T10:00:00Z")
                .topic(POLITICS, "politics")
                .entity("person", "Jane Doe", "wikidata:Q1", null)
                .entity("organization", "Parliament of Freedonia", null, null)
                .entity("location", "Lyon", "geonames:2996944", "FR")
                .build();
        tariffs = article(t, "tariffs")
                .title("Nouveaux tarifs")
                .source("daily")
                .language("fr")
                .publishedAt("2024-05-03T10:00:00Z")
                .topic(ECONOMY, "economy, business and finance")
                .entity("person", "John Roe", null, null)
                .entity("location", "Berlin", "geonames:2950159", "DE")
                .build();
        merger = article(t, "merger")
                .title("Acme merger approved")
                .source("wire")
                .publishedAt("2024-05-05T10:00:00Z")
                .topic(POLITICS, "politics")
                .topic(ECONOMY, "economy, business and finance")
                .entity("person", "Jane Doe", "wikidata:Q1", null)
                .entity("organization", "Acme Corp", "wikidata:Q42", "US")
                .entity("location", "Paris", "geonames:2988507", "FR")
                .story("story-" + t)
                .build();
        mergerCopy = article(t, "merger-copy")
                .title("Acme merger approved (copy)")
                .source("daily")
                .publishedAt("2024-05-06T10:00:00Z")
                .duplicateOf(merger.id(), "story-" + t)
                .build();
        TestArticles.publish(budget, tariffs, merger, mergerCopy);
        TestArticles.awaitTotal(t, 4);
        token = t;
    }

    @Test
    void topicFilterTakesACodeOrALabel() {
        assertIds(Map.of("topic", POLITICS), budget, merger);
        assertIds(Map.of("topic", "Politics"), budget, merger);
        assertIds(Map.of("topic", "economy, business and finance"), tariffs, merger);
    }

    @Test
    void peopleAndOrganizationFiltersMatchCanonicalNamesIgnoringCase() {
        assertIds(Map.of("person", "Jane Doe"), budget, merger);
        assertIds(Map.of("person", "jane doe"), budget, merger);
        assertIds(Map.of("organization", "Acme Corp"), merger);
        assertIds(Map.of("person", "Nobody"));
    }

    @Test
    void locationFilterMatchesAPlaceOrEveryPlaceOfACountry() {
        assertIds(Map.of("location", "Lyon"), budget);
        assertIds(Map.of("location", "France"), budget, merger);
        assertIds(Map.of("location", "FR"), budget, merger);
        assertIds(Map.of("location", "germany"), tariffs);
    }

    @Test
    void entityFilterMatchesAnyTypeByNameOrId() {
        assertIds(Map.of("entity", "wikidata:Q42"), merger);
        assertIds(Map.of("entity", "John Roe"), tariffs);
        assertIds(Map.of("entity", "Berlin"), tariffs);
    }

    @Test
    void sourceLanguageAndDateFilters() {
        assertIds(Map.of("source", "daily"), tariffs, mergerCopy);
        assertIds(Map.of("language", "fr"), tariffs);
        // a day as "to" includes the whole day
        assertIds(Map.of("from", "2024-05-03", "to", "2024-05-05"), tariffs, merger);
        assertIds(Map.of("from", "2024-05-05T10:00:00Z"), merger, mergerCopy);
        assertIds(Map.of("to", "2024-05-03T10:00:00Z"), budget);
    }

    @Test
    void filtersCombineWithAnd() {
        assertIds(Map.of("person", "Jane Doe", "topic", ECONOMY), merger);
        given().queryParam("q", token)
                .queryParam("topic", POLITICS)
                .queryParam("topic", ECONOMY)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", contains(merger.id()));
    }

    @Test
    void withoutDuplicatesOnlyTheStorysOriginalIsLeft() {
        assertIds(Map.of("duplicates", "false"), budget, tariffs, merger);
        assertIds(Map.of(), budget, tariffs, merger, mergerCopy);
    }

    @Test
    void sortNewestOldestAndRelevance() {
        given().queryParam("q", token)
                .queryParam("sort", "newest")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", contains(mergerCopy.id(), merger.id(), tariffs.id(), budget.id()));
        given().queryParam("q", token)
                .queryParam("sort", "oldest")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", contains(budget.id(), tariffs.id(), merger.id(), mergerCopy.id()));
        // the title and the entity names weigh more than the text: the copy has "Acme" in its title only
        List<String> ids = given().queryParam("q", token + " AND (freedonia OR acme)")
                .queryParam("sort", "relevance")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(ids).hasSize(3).endsWith(mergerCopy.id()).contains(budget.id(), merger.id());
    }

    @Test
    void theWordsOfAQueryMayBeInTheTitleTheTextAndTheEntityNames() {
        // the token is only in the text, "vote" only in the title, "Lyon" only among the entities
        given().queryParam("q", token + " vote lyon")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", contains(budget.id()));
        given().queryParam("q", token + " \"budget vote\" -acme")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", contains(budget.id()));
    }

    @Test
    void facetsCountEveryMatchingArticle() {
        JsonPath facets = given().queryParam("q", token)
                .queryParam("size", 1)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .extract()
                .jsonPath()
                .setRootPath("facets");
        assertThat(facets.getList("topics", Map.class))
                .containsExactlyInAnyOrder(
                        Map.of("code", POLITICS, "label", "politics", "count", 2),
                        Map.of("code", ECONOMY, "label", "economy, business and finance", "count", 2));
        assertThat(counts(facets, "people")).containsExactly(Map.entry("Jane Doe", 2), Map.entry("John Roe", 1));
        assertThat(counts(facets, "organizations"))
                .containsOnly(Map.entry("Acme Corp", 1), Map.entry("Parliament of Freedonia", 1));
        assertThat(counts(facets, "locations"))
                .containsOnly(Map.entry("Berlin", 1), Map.entry("Lyon", 1), Map.entry("Paris", 1));
        assertThat(counts(facets, "sources")).containsOnly(Map.entry("daily", 2), Map.entry("wire", 2));
        assertThat(counts(facets, "languages")).containsExactly(Map.entry("en", 3), Map.entry("fr", 1));
    }

    @Test
    void itemsCarryTheirTopicsAndEntities() {
        given().queryParam("q", token)
                .queryParam("organization", "Acme Corp")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items[0].source", equalTo("wire"))
                .body("items[0].publishedAt", equalTo("2024-05-05T10:00:00Z"))
                .body("items[0].topics.code", contains(POLITICS, ECONOMY))
                .body("items[0].topics.label", hasItem("politics"))
                .body("items[0].entities.name", contains("Jane Doe", "Acme Corp", "Paris"))
                .body("items[0].entities[1].id", equalTo("wikidata:Q42"))
                .body("items[0].entities[2].country", equalTo("FR"))
                .body("items[0].entities[2].type", equalTo("location"));
    }

    private static List<Map.Entry<String, Integer>> counts(JsonPath facets, String name) {
        return facets.getList(name, Map.class).stream()
                .map(m -> Map.entry((String) m.get("value"), (Integer) m.get("count")))
                .toList();
    }

    private static void assertIds(Map<String, String> parameters, EnrichedArticle... expected) {
        List<String> ids = given().queryParam("q", token)
                .queryParams(parameters)
                .queryParam("size", 100)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(ids)
                .as("ids for %s", parameters)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(expected)
                        .map(EnrichedArticle::id)
                        .toArray(String[]::new));
    }
}
