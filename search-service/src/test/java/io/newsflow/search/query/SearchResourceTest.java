package io.newsflow.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.DeadLetter;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Enriched articles from the real broker into the real Elasticsearch, found through the API. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class SearchResourceTest {

    @Test
    void anEnrichedArticleBecomesSearchableWithAHighlightedSnippet() {
        String token = token();
        EnrichedArticle article = article(
                token,
                1,
                "Parliament approves the budget",
                "The parliament approved the " + token + " budget on Tuesday after a long debate.");
        publish(article);

        awaitTotal(token, 1);
        given().queryParam("q", token)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(article.id()))
                .body("items[0].title", equalTo("Parliament approves the budget"))
                .body("items[0].url", equalTo(article.url()))
                .body("items[0].language", equalTo("en"))
                .body("items[0].snippet", containsString("<mark>" + token + "</mark>"));
    }

    @Test
    void replaysAreIdempotentAndAStaleVersionNeverOverwritesANewerOne() {
        String token = token();
        EnrichedArticle first = article(token, 1, "First headline", "Text about " + token + ".");
        EnrichedArticle second = article(token, 2, "Corrected headline", "Corrected text about " + token + ".");
        publish(first);
        publish(second);
        publish(first);
        publish(second);
        publish(article(token, 1, "Marker", "Marker " + token + " sent last."));

        // same key, same partition: once the last version 2 is visible, every earlier send has been consumed
        awaitTotal(token, 2);
        given().queryParam("q", token + " AND corrected")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].title", equalTo("Corrected headline"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> total(token) == 2);
    }

    @Test
    void aTombstoneOnTheCompactedTopicDeletesTheArticle() {
        String token = token();
        EnrichedArticle article = article(token, 1, "Withdrawn", "A story about " + token + " that was withdrawn.");
        publish(article);
        awaitTotal(token, 1);

        send(article.id(), null);
        awaitTotal(token, 0);
        given().get("/api/v1/articles/" + article.id()).then().statusCode(404);
    }

    @Test
    void articleTextIsEscapedInSnippets() {
        String token = token();
        publish(article(
                token,
                1,
                "Hostile",
                "<script>alert(1)</script> <mark>fake</mark> <img src=x onerror=alert(1)> & " + token));

        awaitTotal(token, 1);
        String snippet = given().queryParam("q", token)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].snippet");
        assertThat(snippet).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;");
        assertThat(snippet)
                .doesNotContain("<mark>fake")
                .contains("&lt;mark&gt;fake")
                .contains("&amp;");
        // the only tags left are the highlight's own
        assertThat(snippet.replace("<mark>" + token + "</mark>", ""))
                .doesNotContain("<")
                .doesNotContain(">");
    }

    @Test
    void aMessageThatBreaksTheContractIsDeadLetteredNotIndexed() {
        String token = token();
        Instant since = Instant.now().minusSeconds(5);
        String key = "broken-" + token;
        // an enriched article without a body: the schema requires one
        String broken = EventJson.write(article(token, 1, "Broken", "x")).replace("\"body\":\"x\",", "");
        send(key, broken);

        ConsumerRecord<String, String> dead = TopicReader.find(
                        bootstrap(), Topics.DEAD_LETTER, since, Duration.ofSeconds(60), r -> key.equals(r.key()))
                .orElseThrow(() -> new AssertionError("broken message not in the DLQ"));
        assertThat(DeadLetter.from(dead).reason()).contains("body");
        assertThat(DeadLetter.from(dead).topic()).isEqualTo(Topics.ENRICHED);
        assertThat(total(token)).isZero();
    }

    @Test
    void invalidParametersAreProblemsNamingTheParameter() {
        given().queryParam("size", 500)
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().queryParam("q", "*udget")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
        given().queryParam("q", "title:(unclosed AND")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"))
                .body(not(containsString("Exception")));
    }

    private static String token() {
        return "tok" + UUID.randomUUID().toString().replace("-", "");
    }

    private static int total(String q) {
        return given().queryParam("q", q)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    private static void awaitTotal(String q, int expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> total(q) == expected);
    }

    private static EnrichedArticle article(String token, int version, String title, String body) {
        String url = "https://news.example.org/" + token + (title.equals("Marker") ? "/marker" : "");
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                version,
                url,
                null,
                title,
                body,
                null,
                List.of(),
                Instant.parse("2024-05-01T10:00:00Z"),
                null,
                null,
                List.of(),
                Map.of(),
                "b".repeat(64),
                Instant.now(),
                Instant.now(),
                new EnrichedArticle.DetectedLanguage("en", 0.99),
                List.of(),
                List.of(),
                null,
                null,
                Map.of("language", "test"),
                url,
                null,
                null);
    }

    /** Publishes what the enrich service would, checked against the contract first. */
    private static void publish(EnrichedArticle article) {
        assertThat(EventContract.violations(EventContract.Kind.ENRICHED_ARTICLE, EventJson.tree(article)))
                .isEmpty();
        send(article.id(), EventJson.write(article));
    }

    private static void send(String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.ENRICHED, e);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
