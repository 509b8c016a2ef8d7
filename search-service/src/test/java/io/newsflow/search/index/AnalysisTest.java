package io.newsflow.search.index;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
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

/**
 * English analysis of the articles index (the news_english analyzer, from newsflow's Elasticsearch plugin):
 * enriched articles go through the real broker into the real Elasticsearch and are searched through the API.
 * Each test puts a unique token in its titles and queries, so it sees only its own articles; the token sits in
 * the title beside the words under test because a query's words must all match in one field.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class AnalysisTest {

    @Test
    void aSingularFindsThePluralAndTheSnippetMarksTheWordAsWritten() {
        String token = token();
        EnrichedArticle article = article(
                token,
                "Council Meetings end without a deal " + token,
                "The council held two meetings about the " + token + " plan and will meet again in May.");
        publish(article);

        awaitTotal("meeting " + token, 1);
        given().queryParam("q", "meeting " + token)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].title", equalTo(article.title()))
                .body("items[0].snippet", containsString("<mark>meetings</mark>"));
    }

    @Test
    void aNameTypedWithoutItsAccentFindsTheAccentedOneAndTheOtherWayRound() {
        String token = token();
        EnrichedArticle article = article(token, "Storm closes roads in Reykjavík " + token, "Snow blocked roads.");
        publish(article);

        awaitTotal("Reykjavik " + token, 1);
        assertThat(firstTitle("Reykjavik " + token)).isEqualTo(article.title());
        assertThat(total("Reykjavík " + token)).isEqualTo(1);
    }

    @Test
    void aPossessiveAndTheNameFindEachOther() {
        String token = token();
        EnrichedArticle possessive =
                article(token + "a", "Obama's memoir tops the charts " + token, "Sales of the book grew.");
        EnrichedArticle plain =
                article(token + "b", "Obama visits Nairobi " + token, "The former president opened a school.");
        publish(possessive);
        publish(plain);

        awaitTotal("Obama " + token, 2);
        assertThat(total("Obama's " + token)).isEqualTo(2);
        assertThat(firstTitle("Obama " + token + " memoir")).isEqualTo(possessive.title());
        assertThat(firstTitle("Obama's " + token + " Nairobi")).isEqualTo(plain.title());
    }

    @Test
    void namesAreNotCutDownToOtherWords() {
        String token = token();
        publish(article(token, "Jones wins the marathon " + token, "The runner finished first."));

        awaitTotal("Jones " + token, 1);
        // an aggressive stemmer (Porter) makes "jones" "jone" and so matches "Jone"; KStem keeps the name
        assertThat(total("Jone " + token)).isZero();
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

    private static String firstTitle(String q) {
        return given().queryParam("q", q)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .extract()
                .path("items[0].title");
    }

    private static void awaitTotal(String q, int expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> total(q) == expected);
    }

    private static EnrichedArticle article(String key, String title, String body) {
        String url = "https://news.example.org/analysis/" + key;
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                1,
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
                "c".repeat(64),
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
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id(), EventJson.write(article)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.ENRICHED, e);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
