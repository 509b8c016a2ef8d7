package io.newsflow.enrich.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/enrich} on real Wikinews articles (see src/test/resources/articles/SOURCE.txt). */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class EnrichResourceTest {

    @Test
    void findsThePeopleOrganisationsPlacesAndTopicsOfANewsArticle() {
        JsonPath result = given().contentType(ContentType.JSON)
                .body(article("manafort.json"))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getString("language.code")).isEqualTo("en");
        List<Map<String, Object>> entities = result.getList("entities");
        // "Manafort" alone, five times, is the Paul Manafort of the first paragraph: one entity, every mention
        Map<String, Object> manafort = entity(entities, "person", "Paul Manafort");
        assertThat((Integer) manafort.get("mentions")).isGreaterThanOrEqualTo(8);
        assertThat(((Number) manafort.get("salience")).doubleValue()).isEqualTo(1.0);
        // "Judge Jackson" is Amy Berman Jackson
        assertThat((Integer) entity(entities, "person", "Amy Berman Jackson").get("mentions"))
                .isGreaterThanOrEqualTo(3);
        assertThat(entity(entities, "person", "Donald Trump").get("id")).isEqualTo("wikidata:Q22686");
        assertThat(entity(entities, "organization", "Internal Revenue Service")).isNotNull();
        assertThat(entity(entities, "location", "Ukraine").get("country")).isEqualTo("UA");
        assertThat(entities)
                .allSatisfy(e ->
                        assertThat(((Number) e.get("confidence")).doubleValue()).isBetween(0.0, 1.0));

        List<String> topics = result.getList("topics.code");
        assertThat(topics).as("crime, law and justice").contains("medtop:02000000");
        assertThat(result.getList("topics.trigger", String.class))
                .allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(result.getMap("producedBy", String.class, String.class))
                .containsKeys("text", "language", "entities", "topics", "knowledgeBase")
                .hasValueSatisfying(new org.assertj.core.api.Condition<>(
                        v -> v.contains("iptc-mediatopics-2025-10-09"), "the taxonomy release"));
    }

    @Test
    void extractsTheMainTextOfAPageAndPointsCountryAdjectivesAtTheirCountry() {
        String html = "<html><head><title>x</title></head><body><nav><a href=/>Home</a> <a href=/world>World</a>"
                + " <a href=/sport>Sport</a></nav><article><h1>Russian lawmakers back new election law</h1>"
                + "<p>MOSCOW — Russian lawmakers on Tuesday approved a bill that changes how the country elects its"
                + " parliament, a move critics in the opposition said would favour the ruling party.</p>"
                + "<p>The State Duma passed the measure by 320 votes to 54 after a short debate, and the Federation"
                + " Council is expected to approve it next week before President Vladimir Putin signs it.</p>"
                + "</article><footer>Share this article. Sign up for our newsletter. © 2024 Example News</footer>"
                + "</body></html>";

        JsonPath result = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Russian lawmakers back new election law", "html", html))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getString("text"))
                .contains("State Duma passed the measure")
                .doesNotContain("newsletter");
        Map<String, Object> russia = entity(result.getList("entities"), "location", "Russia");
        assertThat(russia.get("country")).isEqualTo("RU");
        assertThat(result.getList("topics.code", String.class)).contains("medtop:11000000");
    }

    @Test
    void aRequestWithoutABodyIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Only a title"))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("one of text (clean article text), html"));
    }

    @Test
    void twoBodiesOrTextWithoutATitleAreProblemsSayingWhatToSend() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "t", "text", "a", "page", "b"))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].message", containsString("this request has text and page"));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Rivers flooded the town on Monday."))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("required with text"));
    }

    @Test
    void aScrapedPageWithoutATitleKeepsItsHeadlineAndLosesItsChrome() {
        // a real BBC page's visible text (src/test/resources/text/SOURCE.txt), chrome and all
        String page = text("bbc-assange.visible.txt");

        JsonPath result = given().contentType(ContentType.JSON)
                .body(Map.of("page", page, "url", "https://www.bbc.com/news/world-europe-50475745"))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getString("title")).isEqualTo("Julian Assange: Sweden drops rape investigation");
        assertThat(result.getString("titleSource")).isEqualTo("page-headline");
        assertThat(result.getString("text"))
                .contains("Prosecutors in Sweden have dropped an investigation into a rape allegation")
                .doesNotContain("Media caption")
                .doesNotContain("Image copyright")
                .doesNotContain("Accessibility links");
        assertThat(result.getMap("producedBy", String.class, String.class).get("text"))
                .startsWith("newsflow-scraped-text");
        entity(result.getList("entities"), "person", "Julian Assange");
    }

    @Test
    void anHtmlPageWithoutATitleGetsItsOwnTitle() {
        // a real Jerusalem Post page of the Zyte extraction benchmark
        JsonPath result = given().contentType(ContentType.JSON)
                .body(Map.of("html", text("jpost-weizsaecker.html")))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getString("title")).isEqualTo("Son of former German president stabbed to death in Berlin");
        assertThat(result.getString("titleSource")).isEqualTo("page-metadata");
    }

    @Test
    void aGivenTitleIsKeptAndSaidToBeGiven() {
        JsonPath result = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Assange case dropped", "page", text("bbc-assange.visible.txt")))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getString("title")).isEqualTo("Assange case dropped");
        assertThat(result.getString("titleSource")).isEqualTo("given");
    }

    @Test
    void notJsonIsAProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": ")
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    static Map<String, Object> entity(List<Map<String, Object>> entities, String type, String name) {
        return entities.stream()
                .filter(e -> type.equals(e.get("type")) && name.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " \"" + name + "\" in " + entities));
    }

    /** A real page of src/test/resources/text (see SOURCE.txt there). */
    static String text(String name) {
        return resource("/text/" + name);
    }

    static String article(String name) {
        return resource("/articles/" + name);
    }

    private static String resource(String path) {
        try (InputStream in = EnrichResourceTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
