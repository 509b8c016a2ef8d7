package io.newsflow.search.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With NEWSFLOW_DASHBOARD_PROTECTED the page and its API need the admin key; the search API stays open. */
@QuarkusTest
@TestProfile(DashboardProtectionTest.Protected.class)
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardProtectionTest {

    public static final class Protected implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.dashboard.protected", "true");
        }
    }

    private static final String ADMIN_KEY = "test-admin-key";

    @Test
    void withoutTheKeyTheBrowserIsAskedForIt() {
        for (String path : new String[] {"/", "/index.html", "/dashboard/dashboard.js", "/api/v1/dashboard/pipeline"}) {
            given().get(path)
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Basic"))
                    .contentType("application/problem+json")
                    .body("detail", containsString("admin key"))
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void theAdminKeyOpensItAsAHeaderOrAsTheBasicPassword() {
        given().header("X-Api-Key", ADMIN_KEY).get("/").then().statusCode(200).body(containsString("Pipeline health"));
        given().auth()
                .preemptive()
                .basic("operator", ADMIN_KEY)
                .get("/api/v1/dashboard/pipeline")
                .then()
                .statusCode(200)
                .body("services.service", org.hamcrest.Matchers.hasItems("ingest", "enrich", "search"));
    }

    @Test
    void anotherKeyIsRefused() {
        given().header("X-Api-Key", "not-the-key").get("/").then().statusCode(403);
        given().auth()
                .preemptive()
                .basic("operator", "not-the-key")
                .get("/api/v1/dashboard/live")
                .then()
                .statusCode(401);
    }

    @Test
    void theSearchApiAndTheChartLibraryStayOpen() {
        given().get("/api/v1/search?size=1").then().statusCode(200);
        given().get("/webjars/uplot/1.6.30/dist/uPlot.min.css").then().statusCode(200);
    }
}
