package io.newsflow.enrich.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.TopicReader;
import io.newsflow.events.Topics;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Readiness, the per-stage meters, NER time, consumer lag and the status of the enrich service, on real engines. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class EnrichObservabilityTest {

    private final String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

    @Test
    void readinessChecksKafkaAndPostgresql() {
        // other suites stop and restart the shared engines: a pooled connection they broke is replaced on the next
        // check
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"))
                        .body(
                                "checks.name",
                                hasItems(
                                        "Kafka connection health check",
                                        "Reactive PostgreSQL connections health check")));
    }

    @Test
    void anEnrichedArticleIsCountedAndTimedStageByStage() {
        double in = value("newsflow_enrich_articles_in_total");
        double out = value("newsflow_enrich_articles_out_total");
        double ner = value("newsflow_enrich_ner_time_seconds_count");
        double entities = value("newsflow_enrich_stage_latency_seconds_count{stage=\"entities\"}");

        Instant since = Instant.now().minusSeconds(5);
        RawArticle raw = rawArticle();
        send(raw);
        TopicReader.find(
                        bootstrap,
                        Topics.ENRICHED,
                        since,
                        Duration.ofSeconds(60),
                        r -> raw.id().equals(r.key()))
                .orElseThrow(() -> new AssertionError("no enriched record for " + raw.id()));

        // counted once the record is handed on; the enriched record may be on the topic a moment before
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(value("newsflow_enrich_articles_out_total")).isGreaterThanOrEqualTo(out + 1));
        assertThat(value("newsflow_enrich_articles_in_total")).isGreaterThanOrEqualTo(in + 1);
        assertThat(value("newsflow_enrich_ner_time_seconds_count")).isGreaterThanOrEqualTo(ner + 1);
        assertThat(value("newsflow_enrich_stage_latency_seconds_count{stage=\"entities\"}"))
                .isGreaterThanOrEqualTo(entities + 1);
        for (String stage : List.of("text", "language", "topics", "duplicates", "article")) {
            assertThat(value("newsflow_enrich_stage_latency_seconds_count{stage=\"" + stage + "\"}"))
                    .as("stage " + stage)
                    .isPositive();
        }

        // the lag is sampled from the broker every 5 s: a number once the first sample is in
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/status")
                        .then()
                        .statusCode(200)
                        .body("service", equalTo("enrich"))
                        .body("articles.out", greaterThanOrEqualTo((int) out + 1))
                        .body("consumerLag", greaterThanOrEqualTo(0))
                        .body("checks", equalTo(Map.of("kafka", "UP", "postgresql", "UP"))));
        assertThat(value("newsflow_enrich_consumer_lag")).isGreaterThanOrEqualTo(0);
    }

    /** The value of one series of the service's {@code /q/metrics}, written as the registry prints it; 0 if absent. */
    private static double value(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(series + " "))
                // the value, then maybe an exemplar (# {trace_id=...} ...) when a span was current
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]))
                .findFirst()
                .orElse(0);
    }

    private void send(RawArticle raw) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW, raw.id(), EventJson.write(raw)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + Topics.RAW, e);
        }
    }

    private static RawArticle rawArticle() {
        String url = "https://en.wikinews.org/wiki/Observed_" + UUID.randomUUID();
        return new RawArticle(
                RawArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                1,
                url,
                null,
                "Apartment building collapses in Magnitogorsk",
                BodyFormat.TEXT,
                "An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia."
                        + " Vladimir Putin ordered the Emergencies Ministry to help.",
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                "a".repeat(64),
                Instant.now(),
                url,
                null,
                List.of());
    }
}
