package io.newsflow.ingest.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database: with the article ledger's connections pointed at a port where nothing listens
 * (the shared stack stays untouched), the service is not ready, and its status says which dependency is down.
 */
@QuarkusTest
@TestProfile(ReadinessWithoutPostgresqlTest.ClosedPostgresqlPort.class)
class ReadinessWithoutPostgresqlTest {

    public static class ClosedPostgresqlPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Flyway's JDBC URL stays on the real database, so the service starts; its reactive ledger does not
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:9/newsflow");
        }
    }

    @Test
    void readinessIsDownAndNamesTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(
                        "checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status",
                        equalTo("DOWN"))
                .body("checks.name", hasItem("Kafka connection health check"));

        given().get("/api/v1/status")
                .then()
                .statusCode(200)
                .body("checks", equalTo(Map.of("kafka", "UP", "postgresql", "DOWN")));
    }
}
