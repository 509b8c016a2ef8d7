package io.newsflow.ingest.observability;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.Sources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** By default nothing is exported, even with an OTLP endpoint configured: tracing needs switching on. */
@QuarkusTest
@TestProfile(TracingOffTest.EndpointOnly.class)
class TracingOffTest {

    public static class EndpointOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.otel.exporter.otlp.traces.endpoint", OtlpReceiver.endpoint(),
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    @Test
    void nothingIsExportedByDefault() {
        int exportsBefore = OtlpReceiver.exports();

        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url", "https://news.example.org/untraced/" + UUID.randomUUID(),
                        "title", "Not traced",
                        "body", "An article nobody exports spans for."))
                .post("/api/v1/articles")
                .then()
                .statusCode(202);

        // several export intervals (100 ms each) go by with nothing sent
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> OtlpReceiver.exports() == exportsBefore);
    }
}
