package io.newsflow.ingest.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may do what: keys, sources and the admin. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class AccessTest {

    private static Map<String, String> article(String url, String body) {
        return Map.of("url", url, "title", "Access", "body", body);
    }

    @Test
    void ingestWithoutAKeyOrWithAnUnknownKeyIs401() {
        given().contentType(ContentType.JSON)
                .body(article("https://example.org/a", "text"))
                .post("/api/v1/articles")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-Api-Key"))
                .body("detail", containsString("X-Api-Key"));
        given().header("X-Api-Key", "nf_not-a-real-key")
                .contentType(ContentType.JSON)
                .body(article("https://example.org/a", "text"))
                .post("/api/v1/articles")
                .then()
                .statusCode(401)
                .body("detail", containsString("not a known key"))
                .body(org.hamcrest.Matchers.not(containsString("nf_not-a-real-key")));
    }

    @Test
    void aSourceKeyCannotUseAdminEndpointsNorReadOrChangeAnotherSourcesArticle() {
        String mine = Sources.newSourceKey();
        String theirs = Sources.newSourceKey();
        given().header("X-Api-Key", mine).get("/api/v1/sources").then().statusCode(403);
        given().header("X-Api-Key", mine)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "sneaky"))
                .post("/api/v1/sources")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        String url = "https://news.example.org/owned/" + UUID.randomUUID();
        String id = given().header("X-Api-Key", mine)
                .contentType(ContentType.JSON)
                .body(article(url, "Original text."))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        given().header("X-Api-Key", theirs).get("/api/v1/articles/" + id).then().statusCode(403);
        given().header("X-Api-Key", theirs)
                .contentType(ContentType.JSON)
                .body(article(url, "Rewritten by someone else."))
                .post("/api/v1/articles")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("another source"));
        given().header("X-Api-Key", mine)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo(1));
        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void theAdminKeyCannotSendArticles() {
        given().header("X-Api-Key", Sources.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(article("https://example.org/admin", "text"))
                .post("/api/v1/articles")
                .then()
                .statusCode(403)
                .body("detail", containsString("source's key"));
    }
}
