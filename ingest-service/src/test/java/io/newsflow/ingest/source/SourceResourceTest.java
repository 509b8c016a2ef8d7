package io.newsflow.ingest.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class SourceResourceTest {

    @Test
    void aSourceGetsItsKeyOnceAndTheKeyWorks() {
        String name = "Daily Example " + UUID.randomUUID();
        var created = given().header("X-Api-Key", Sources.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/api/v1/sources")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo(name))
                .body("apiKey", startsWith("nf_"))
                .extract();
        String id = created.path("id");
        String apiKey = created.path("apiKey");

        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .get("/api/v1/sources/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("apiKey", nullValue());
        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .body("name", hasItem(name))
                .body("apiKey", not(hasItem(apiKey)));

        given().header("X-Api-Key", apiKey)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.org/k/" + id, "title", "Key works", "body", "It does."))
                .post("/api/v1/articles")
                .then()
                .statusCode(202);
    }

    @Test
    void namesAreUniqueAndRequired() {
        String name = "Unique Times " + UUID.randomUUID();
        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/api/v1/sources")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", " "))
                .post("/api/v1/sources")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aRemovedSourceIsGone() {
        String id = given().header("X-Api-Key", Sources.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Closing Gazette " + UUID.randomUUID()))
                .post("/api/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .delete("/api/v1/sources/" + id)
                .then()
                .statusCode(204);
        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .get("/api/v1/sources/" + id)
                .then()
                .statusCode(404);
    }
}
