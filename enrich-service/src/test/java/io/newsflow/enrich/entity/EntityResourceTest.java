package io.newsflow.enrich.entity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The knowledge base through {@code /api/v1/entities}, against the real PostgreSQL, and its effect on enrichment. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class EntityResourceTest {

    private static final String ADMIN_KEY = "test-admin-key";

    @Test
    void anOperatorFixesANameOnceAndTheNextArticleUsesIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String canonical = "Zorblax Industries " + suffix;
        String alias = "Zorblax" + suffix;
        String location = given().header("X-Api-Key", ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "organization",
                        "name",
                        canonical,
                        "aliases",
                        List.of(alias),
                        "externalId",
                        "wikidata:Q" + Math.abs(suffix.hashCode()),
                        "country",
                        "DE"))
                .when()
                .post("/api/v1/entities")
                .then()
                .statusCode(201)
                .body("name", equalTo(canonical))
                .body("aliases", hasItem(alias))
                .extract()
                .header("Location");

        List<Map<String, Object>> entities = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Factory opens in Leipzig",
                        "text",
                        "Shares of " + alias + " rose on Monday after the company said it would open a new"
                                + " factory in Leipzig. A spokesman for " + alias + " said 400 people would be hired."))
                .when()
                .post("/api/v1/enrich")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entities");
        assertThat(entities).anySatisfy(e -> {
            assertThat(e.get("name")).isEqualTo(canonical);
            assertThat(e.get("type")).isEqualTo("organization");
            assertThat(e.get("country")).isEqualTo("DE");
            assertThat((String) e.get("id")).startsWith("wikidata:Q");
        });

        given().when().get(location).then().statusCode(200).body("name", equalTo(canonical));
        given().queryParam("q", alias.toUpperCase())
                .when()
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .body("name", hasItem(canonical));
        given().header("X-Api-Key", ADMIN_KEY).when().delete(location).then().statusCode(204);
        given().when().get(location).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAliasNamesOneEntityOnly() {
        String alias = "Alias" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> first = Map.of("type", "person", "name", "First " + alias, "aliases", List.of(alias));
        Map<String, Object> second = Map.of("type", "person", "name", "Second " + alias, "aliases", List.of(alias));
        given().header("X-Api-Key", ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(first)
                .when()
                .post("/api/v1/entities")
                .then()
                .statusCode(201);

        given().header("X-Api-Key", ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(second)
                .when()
                .post("/api/v1/entities")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("aliases"));
    }

    @Test
    void changesNeedTheAdminKey() {
        Map<String, Object> body = Map.of("type", "person", "name", "Somebody");
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/entities")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Api-Key", "wrong")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/entities")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void invalidEntitiesAreProblemsNamingTheField() {
        given().header("X-Api-Key", ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "planet", "name", "Mars", "country", "mars"))
                .when()
                .post("/api/v1/entities")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("type")))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("country")));
        given().when().get("/api/v1/entities/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }
}
