package io.newsflow.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Test helper: registers a source through the admin API and returns its key. */
public final class Sources {

    /** The admin key of the test profile (application.properties). */
    public static final String ADMIN_KEY = "test-admin-key";

    private Sources() {}

    public static String newSourceKey() {
        return given().header("X-Api-Key", ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Test newsroom " + UUID.randomUUID()))
                .post("/api/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey");
    }
}
