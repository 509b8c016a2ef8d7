package io.newsflow.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
import io.newsflow.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Enriched articles as the enrich service publishes them, built for one test and sent to the real broker. */
public final class TestArticles {

    private TestArticles() {}

    /** A word no other article has, so that {@code q=token} finds exactly a test's own articles. */
    public static String token() {
        return "tok" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Builder article(String token, String path) {
        return new Builder(token, path);
    }

    /** Publishes what the enrich service would, each checked against the contract first. */
    public static void publish(EnrichedArticle... articles) {
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (EnrichedArticle article : articles) {
                assertThat(EventContract.violations(EventContract.Kind.ENRICHED_ARTICLE, EventJson.tree(article)))
                        .isEmpty();
                sent.add(producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id(), EventJson.write(article))));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.ENRICHED, e);
        }
    }

    public static void send(String key, String value) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.ENRICHED, e);
        }
    }

    public static int total(String q) {
        return given().queryParam("q", q)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    public static void awaitTotal(String q, int expected) {
        await().atMost(Duration.ofSeconds(90)).until(() -> total(q) == expected);
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    public static final class Builder {
        private String url;
        private int version = 1;
        private String title;
        private String body;
        private String source = "test-source";
        private String language = "en";
        private Instant publishedAt = Instant.parse("2024-05-01T10:00:00Z");
        private Instant receivedAt = Instant.now();
        private final List<EnrichedArticle.Topic> topics = new ArrayList<>();
        private final List<EnrichedArticle.Entity> entities = new ArrayList<>();
        private String duplicateOf;
        private String storyId;
        private String uri;
        private String located;
        private Map<String, Object> extra = Map.of();

        private Builder(String token, String path) {
            this.url = "https://news.example.org/" + token + "/" + path;
            this.title = "Article " + path;
            this.body = "Text of " + path + " about " + token + ".";
        }

        public String id() {
            return uri != null ? ArticleIds.forIdentity(uri) : ArticleIds.forCanonicalUrl(url);
        }

        /** An identity that is not the web address (a ninjs urn:): the id follows it. */
        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        public Builder located(String located) {
            this.located = located;
            return this;
        }

        /** What the newsroom sent that newsflow has no field for. */
        public Builder extra(Map<String, Object> extra) {
            this.extra = extra;
            return this;
        }

        public Builder newsroomTopic(String code, String label) {
            topics.add(new EnrichedArticle.Topic(
                    code, label, 1.0, "given by the newsroom", EnrichedArticle.ORIGIN_NEWSROOM));
            return this;
        }

        /** Another URL than the one made from the token: the id follows it. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder publishedAt(String instant) {
            this.publishedAt = instant == null ? null : Instant.parse(instant);
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder topic(String code, String label) {
            topics.add(new EnrichedArticle.Topic(code, label, 0.9, "test", EnrichedArticle.ORIGIN_TAGGER));
            return this;
        }

        public Builder entity(String type, String name, String id, String country) {
            entities.add(new EnrichedArticle.Entity(type, name, id, country, 1, 0.5, 0.9));
            return this;
        }

        public Builder duplicateOf(String id, String storyId) {
            this.duplicateOf = id;
            this.storyId = storyId;
            return this;
        }

        public Builder story(String storyId) {
            this.storyId = storyId;
            return this;
        }

        public EnrichedArticle build() {
            return new EnrichedArticle(
                    EnrichedArticle.SCHEMA_VERSION,
                    id(),
                    version,
                    url,
                    source,
                    title,
                    body,
                    null,
                    List.of(),
                    publishedAt,
                    null,
                    null,
                    List.of(),
                    extra,
                    "b".repeat(64),
                    receivedAt,
                    receivedAt.plusMillis(5),
                    new EnrichedArticle.DetectedLanguage(language, 0.99),
                    List.copyOf(entities),
                    List.copyOf(topics),
                    duplicateOf,
                    storyId,
                    Map.of("language", "test"),
                    uri != null ? uri : url,
                    null,
                    located);
        }
    }
}
