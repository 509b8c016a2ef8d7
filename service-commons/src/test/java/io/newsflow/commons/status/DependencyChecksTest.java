package io.newsflow.commons.status;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class DependencyChecksTest {

    /** The check names Quarkus 3.33 gives (seen on /q/health/ready of the three services). */
    @Test
    void foldsQuarkusChecksIntoOneStatePerDependency() {
        JsonObject readiness = Json.createObjectBuilder()
                .add("status", "DOWN")
                .add(
                        "checks",
                        Json.createArrayBuilder()
                                .add(check("Kafka connection health check", "UP"))
                                .add(check("SmallRye Reactive Messaging - readiness check", "DOWN"))
                                .add(check("Database connections health check", "UP"))
                                .add(check("Reactive PostgreSQL connections health check", "UP"))
                                .add(check("Elasticsearch cluster health check", "UP"))
                                .add(check("Something of our own", "DOWN")))
                .build();

        assertThat(DependencyChecks.of(readiness))
                .containsExactly(
                        java.util.Map.entry("kafka", "DOWN"),
                        java.util.Map.entry("postgresql", "UP"),
                        java.util.Map.entry("elasticsearch", "UP"));
    }

    @Test
    void aDependencyWithoutACheckIsLeftOut() {
        JsonObject readiness = Json.createObjectBuilder()
                .add("status", "UP")
                .add("checks", Json.createArrayBuilder().add(check("Kafka connection health check", "UP")))
                .build();

        assertThat(DependencyChecks.of(readiness)).containsOnlyKeys("kafka");
    }

    private static JsonObject check(String name, String status) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("status", status)
                .build();
    }
}
