package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.TopicReader;
import io.newsflow.events.Topics;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
 * The per-source chrome memory on the real Kafka flow and the real PostgreSQL: two real press releases of one
 * outlet (Ascom, from the Zyte benchmark) sent as scraped page text; the second loses the outlet's standing "about
 * us" paragraph that the first, with nothing learnt yet, kept.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class SourceChromeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BOILERPLATE = "Ascom is a global solutions provider focused on healthcare ICT";

    private final String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

    @Inject
    SourceChrome sourceChrome;

    @Test
    void theSecondPageOfAnOutletLosesTheBoilerplateTheFirstKept() {
        // a source of its own, so earlier runs on this test stack taught it nothing
        String source = "ascom-" + UUID.randomUUID();
        RawArticle first = scrapedPage(
                source,
                "Ascom announces a strategic distribution partnership with GE Healthcare in Europe for intensive"
                        + " care units",
                TextFixtures.read("ascom-ge-healthcare.visible.txt"));
        RawArticle second = scrapedPage(
                source,
                "Ascom and Dräger introduce integrated clinical alarm management solution in North America to"
                        + " improve patient care",
                TextFixtures.read("ascom-draeger.visible.txt"));
        assertThat(sourceChrome.known(source, null).await().atMost(WAIT)).isEmpty();

        Instant since = Instant.now().minusSeconds(5);
        send(first);
        EnrichedArticle firstEnriched = enriched(since, first.id());
        assertThat(firstEnriched.body()).contains("GE Healthcare").contains(BOILERPLATE);

        // what the first page taught is in PostgreSQL, under its source
        assertThat(sourceChrome.known(source, null).await().atMost(WAIT))
                .contains(PageLines.key(line(firstEnriched.body(), BOILERPLATE)));

        send(second);
        EnrichedArticle secondEnriched = enriched(since, second.id());
        assertThat(secondEnriched.body())
                .contains("Dräger")
                .contains("clinical alarm management")
                .doesNotContain(BOILERPLATE);

        // a replay of the second page is cleaned the same: it does not count as its own earlier page
        Instant replayed = Instant.now().minusSeconds(1);
        send(second);
        EnrichedArticle again = enriched(replayed, second.id());
        assertThat(again.body()).isEqualTo(secondEnriched.body());
    }

    private static String line(String text, String start) {
        return PageLines.of(text).stream()
                .filter(line -> line.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + start));
    }

    private EnrichedArticle enriched(Instant since, String id) {
        return TopicReader.find(bootstrap, Topics.ENRICHED, since, WAIT, r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value(), EventContract.Kind.ENRICHED_ARTICLE, EnrichedArticle.class))
                .orElseThrow(() -> new AssertionError("no enriched record for " + id));
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

    private static RawArticle scrapedPage(String source, String title, String text) {
        String url = "https://www.ascom.com/news-and-events/Ascom-business-news/test-" + UUID.randomUUID() + ".html";
        return new RawArticle(
                RawArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                1,
                url,
                source,
                title,
                BodyFormat.SCRAPED_TEXT,
                text,
                null,
                null,
                List.of(),
                Instant.parse("2019-11-19T00:00:00Z"),
                null,
                null,
                null,
                List.of(),
                Map.of(),
                "c".repeat(64),
                Instant.now(),
                url,
                null,
                List.of());
    }
}
