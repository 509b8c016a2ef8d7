package io.newsflow.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every endpoint is described in the OpenAPI document clients generate their code from. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

    @Test
    void everyEndpointIsDocumented() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/search"))
                .body("paths", hasKey("/api/v1/articles/{id}"))
                .body("paths", hasKey("/api/v1/articles/{id}/versions"))
                .body("paths", hasKey("/api/v1/articles/{id}/similar"))
                .body("paths", hasKey("/api/v1/trends/topics"))
                .body("paths", hasKey("/api/v1/trends/entities"))
                .body("paths", hasKey("/api/v1/stats/freshness"))
                .body("paths", hasKey("/api/v1/admin/reindex"))
                .body("paths.'/api/v1/search'.get.summary", notNullValue())
                .body(
                        "paths.'/api/v1/search'.get.parameters.name",
                        org.hamcrest.Matchers.hasItems(
                                "q",
                                "topic",
                                "person",
                                "organization",
                                "location",
                                "entity",
                                "source",
                                "language",
                                "from",
                                "to",
                                "duplicates",
                                "sort",
                                "size",
                                "cursor"));
    }
}
