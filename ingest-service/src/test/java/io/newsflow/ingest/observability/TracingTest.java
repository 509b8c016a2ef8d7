package io.newsflow.ingest.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.events.TopicReader;
import io.newsflow.events.Topics;
import io.newsflow.ingest.Sources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With tracing switched on, an article's trace crosses the HTTP → Kafka hop: the raw record carries the trace
 * context of the request that brought it, and the spans are exported.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.endpoint", OtlpReceiver.endpoint(),
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    @Test
    void theRawRecordCarriesTheTraceOfTheRequestAndSpansAreExported() throws Exception {
        String key = Sources.newSourceKey();
        // a caller's own trace: 32 hex digits
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Instant since = Instant.now().minusSeconds(5);
        int exportsBefore = OtlpReceiver.exports();

        String id = given().header("X-Api-Key", key)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url", "https://news.example.org/traced/" + UUID.randomUUID(),
                        "title", "Traced",
                        "body", "An article whose path can be followed."))
                .post("/api/v1/articles")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        ConsumerRecord<String, String> record = TopicReader.find(
                        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                        Topics.RAW,
                        since,
                        Duration.ofSeconds(30),
                        r -> id.equals(r.key()))
                .orElseThrow(() -> new AssertionError("no raw record for " + id));
        assertThat(record.headers().lastHeader("traceparent"))
                .as("the trace context in the raw record's headers")
                .isNotNull();
        String traceparent =
                new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII);
        assertThat(traceparent).startsWith("00-" + traceId + "-");

        await().atMost(Duration.ofSeconds(20)).until(() -> OtlpReceiver.exports() > exportsBefore);
    }
}
