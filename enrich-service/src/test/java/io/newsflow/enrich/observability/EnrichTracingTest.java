package io.newsflow.enrich.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.TopicReader;
import io.newsflow.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, the Kafka → Kafka hop keeps the trace: the enriched record carries the trace of the raw record
 * it came from, so an article can be followed from the ingest request to the index.
 */
@QuarkusTest
@TestProfile(EnrichTracingTest.TracingOn.class)
class EnrichTracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing collects here: the spans' export fails (a warning), what is checked is the propagation
            return Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:9",
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
        }
    }

    @Test
    void theEnrichedRecordCarriesTheTraceOfTheRawOne() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Instant since = Instant.now().minusSeconds(5);
        RawArticle raw = rawArticle();

        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.RAW, raw.id(), EventJson.write(raw));
        record.headers()
                .add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(record).get();
        }

        ConsumerRecord<String, String> enriched = TopicReader.find(
                        bootstrap,
                        Topics.ENRICHED,
                        since,
                        Duration.ofSeconds(60),
                        r -> raw.id().equals(r.key()))
                .orElseThrow(() -> new AssertionError("no enriched record for " + raw.id()));
        Header traceparent = enriched.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent on the enriched record").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.US_ASCII)).startsWith("00-" + traceId + "-");
    }

    private static RawArticle rawArticle() {
        String url = "https://en.wikinews.org/wiki/Traced_" + UUID.randomUUID();
        return new RawArticle(
                RawArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                1,
                url,
                null,
                "Council approves new library",
                BodyFormat.TEXT,
                "The city council of Leeds approved the new library on Wednesday after a long debate.",
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                "b".repeat(64),
                Instant.now(),
                url,
                null,
                List.of());
    }
}
