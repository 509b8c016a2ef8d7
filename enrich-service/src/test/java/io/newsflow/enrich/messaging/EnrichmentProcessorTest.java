package io.newsflow.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.DeadLetter;
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

/** The Kafka flow against the real broker: raw in, enriched out; a poison message to the DLQ. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class EnrichmentProcessorTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

    @Test
    void publishesAValidEnrichedArticleWithItsLanguage() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        RawArticle raw = rawArticle();
        send(null, raw.id(), EventJson.write(raw));

        ConsumerRecord<String, String> record = TopicReader.find(
                        bootstrap, Topics.ENRICHED, since, WAIT, r -> raw.id().equals(r.key()))
                .orElseThrow(() -> new AssertionError("no enriched record for " + raw.id()));

        assertThat(EventContract.violations(
                        EventContract.Kind.ENRICHED_ARTICLE, EventJson.mapper().readTree(record.value())))
                .isEmpty();
        EnrichedArticle enriched =
                EventJson.read(record.value(), EventContract.Kind.ENRICHED_ARTICLE, EnrichedArticle.class);
        assertThat(enriched.title()).isEqualTo(raw.title());
        assertThat(enriched.body()).isEqualTo(raw.body());
        assertThat(enriched.version()).isEqualTo(raw.version());
        assertThat(enriched.language().code()).isEqualTo("en");
        assertThat(enriched.producedBy()).containsKeys("text", "language");
    }

    @Test
    void theNewsroomsSubjectsBecomeTopicsOfOriginNewsroom() {
        Instant since = Instant.now().minusSeconds(5);
        RawArticle plain = rawArticle();
        // the subjects of the official ninjs example 2.2/...-tour-down-under-...-nitf.json
        RawArticle raw = new RawArticle(
                plain.schemaVersion(),
                plain.id(),
                plain.version(),
                plain.url(),
                plain.sourceId(),
                plain.title(),
                plain.format(),
                plain.body(),
                plain.html(),
                plain.summary(),
                plain.authors(),
                plain.publishedAt(),
                plain.language(),
                plain.section(),
                plain.imageUrl(),
                plain.tags(),
                plain.extra(),
                plain.contentHash(),
                plain.receivedAt(),
                plain.uri(),
                "Oslo, Norway",
                List.of(
                        new RawArticle.Subject(
                                "http://cv.iptc.org/newscodes/mediatopic/15000000", "Sport", "classifies"),
                        new RawArticle.Subject("13010000", "Teknologi", null)));
        send(null, raw.id(), EventJson.write(raw));

        EnrichedArticle enriched = enriched(since, raw.id());
        assertThat(enriched.topics())
                .filteredOn(topic -> EnrichedArticle.ORIGIN_NEWSROOM.equals(topic.origin()))
                .extracting(EnrichedArticle.Topic::code, EnrichedArticle.Topic::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("medtop:15000000", "Sport"));
        assertThat(enriched.located()).isEqualTo("Oslo, Norway");
    }

    @Test
    void aTombstoneIsForwardedToTheEnrichedTopic() {
        Instant since = Instant.now().minusSeconds(5);
        RawArticle raw = rawArticle();
        send(null, raw.id(), EventJson.write(raw));
        enriched(since, raw.id());

        Instant retracted = Instant.now().minusSeconds(1);
        send(null, raw.id(), null);
        ConsumerRecord<String, String> tombstone = TopicReader.find(
                        bootstrap,
                        Topics.ENRICHED,
                        retracted,
                        WAIT,
                        r -> raw.id().equals(r.key()) && r.value() == null)
                .orElseThrow(() -> new AssertionError("no tombstone for " + raw.id() + " on the enriched topic"));
        assertThat(tombstone.value()).isNull();
    }

    @Test
    void anArticleWithoutATitleGetsOneDerivedFromItsFirstSentenceMarkedDerived() throws Exception {
        // a feed item without a title reaches enrichment with none
        Instant since = Instant.now().minusSeconds(5);
        RawArticle raw = rawArticle(
                null,
                "Rescuers searched the ruins of an apartment building in Magnitogorsk on Tuesday. The gas"
                        + " explosion killed at least seven people.");
        send(null, raw.id(), EventJson.write(raw));

        ConsumerRecord<String, String> record = TopicReader.find(
                        bootstrap, Topics.ENRICHED, since, WAIT, r -> raw.id().equals(r.key()))
                .orElseThrow(() -> new AssertionError("no enriched record for " + raw.id()));
        assertThat(EventContract.violations(
                        EventContract.Kind.ENRICHED_ARTICLE, EventJson.mapper().readTree(record.value())))
                .isEmpty();
        EnrichedArticle enriched =
                EventJson.read(record.value(), EventContract.Kind.ENRICHED_ARTICLE, EnrichedArticle.class);
        assertThat(enriched.title())
                .isEqualTo("Rescuers searched the ruins of an apartment building in Magnitogorsk on Tuesday.");
        assertThat(enriched.titleSource()).isEqualTo(EnrichedArticle.TITLE_DERIVED);
    }

    @Test
    void aRetractedArticleIsForgottenByTheNearDuplicateIndex() throws Exception {
        // a text of its own for this run, so that only this test's articles can be copies of each other
        String text = EventJson.mapper()
                        .readTree(EnrichmentProcessorTest.class.getResourceAsStream("/articles/alabama.json"))
                        .get("text")
                        .asText()
                + "\n\nTest run " + UUID.randomUUID();
        Instant since = Instant.now().minusSeconds(5);
        RawArticle retracted = rawArticle(text);
        send(1, retracted.id(), EventJson.write(retracted));
        enriched(since, retracted.id());
        Instant afterTombstone = Instant.now().minusSeconds(1);
        send(1, retracted.id(), null);
        // the tombstone goes on once the index has forgotten the article
        TopicReader.find(
                        bootstrap,
                        Topics.ENRICHED,
                        afterTombstone,
                        WAIT,
                        r -> retracted.id().equals(r.key()) && r.value() == null)
                .orElseThrow(() -> new AssertionError("no tombstone for " + retracted.id()));
        RawArticle copy = rawArticle(text);
        send(1, copy.id(), EventJson.write(copy));

        EnrichedArticle enrichedCopy = enriched(afterTombstone, copy.id());
        assertThat(enrichedCopy.duplicateOf())
                .as("a copy of a retracted article")
                .isNull();
        assertThat(enrichedCopy.storyId()).isEqualTo(copy.id());
    }

    @Test
    void aScrapedPageWithoutATitleIsPublishedWithItsHeadlineMarkedAsThePagesHeadline() throws Exception {
        // what POST /api/v1/pages sends on for text/plain without a title: a real BBC page's visible text
        Instant since = Instant.now().minusSeconds(5);
        String page;
        try (var in = EnrichmentProcessorTest.class.getResourceAsStream("/text/bbc-assange.visible.txt")) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        RawArticle text = rawArticle(null, page);
        RawArticle raw = new RawArticle(
                text.schemaVersion(),
                text.id(),
                text.version(),
                text.url(),
                text.sourceId(),
                null,
                BodyFormat.SCRAPED_TEXT,
                page,
                null,
                null,
                List.of(),
                text.publishedAt(),
                null,
                null,
                null,
                List.of(),
                Map.of(),
                text.contentHash(),
                text.receivedAt(),
                text.identity(),
                null,
                List.of());
        send(null, raw.id(), EventJson.write(raw));

        EnrichedArticle enriched = enriched(since, raw.id());
        assertThat(enriched.title()).isEqualTo("Julian Assange: Sweden drops rape investigation");
        assertThat(enriched.titleSource()).isEqualTo(EnrichedArticle.TITLE_PAGE_HEADLINE);
        assertThat(enriched.body())
                .startsWith("Prosecutors in Sweden have dropped")
                .doesNotContain("Accessibility links")
                .doesNotContain("Media caption");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReasonAndTheNextArticleStillFlows() {
        Instant since = Instant.now().minusSeconds(5);
        String poisonKey = "poison-" + UUID.randomUUID();
        RawArticle next = rawArticle();
        // same partition, poison first: the article behind it must not be stuck
        send(0, poisonKey, "{\"schemaVersion\": 1, \"title\": ");
        send(0, next.id(), EventJson.write(next));

        ConsumerRecord<String, String> dead = TopicReader.find(
                        bootstrap, Topics.DEAD_LETTER, since, WAIT, r -> poisonKey.equals(r.key()))
                .orElseThrow(() -> new AssertionError("poison message not in the DLQ"));
        DeadLetter letter = DeadLetter.from(dead);
        assertThat(letter.reason()).contains("not JSON");
        assertThat(letter.topic()).isEqualTo(Topics.RAW);
        assertThat(letter.value()).isEqualTo("{\"schemaVersion\": 1, \"title\": ");

        assertThat(TopicReader.find(
                        bootstrap, Topics.ENRICHED, since, WAIT, r -> next.id().equals(r.key())))
                .isPresent();
    }

    @Test
    void aNearCopyOfAnEarlierArticleJoinsItsStory() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        String text = EventJson.mapper()
                        .readTree(EnrichmentProcessorTest.class.getResourceAsStream("/articles/manafort.json"))
                        .get("text")
                        .asText()
                + "\n\nTest run " + UUID.randomUUID();
        RawArticle first = rawArticle(text);
        RawArticle copy = rawArticle("UPDATED. " + text.replace("73 months", "seventy-three months")
                + "\n\nShare this story with your friends.");
        // same partition: the copy is enriched after the original
        send(1, first.id(), EventJson.write(first));
        send(1, copy.id(), EventJson.write(copy));

        EnrichedArticle original = enriched(since, first.id());
        EnrichedArticle duplicate = enriched(since, copy.id());
        // earlier runs on this test stack enriched the same article: then the original itself is a copy of theirs
        if (original.duplicateOf() == null) {
            assertThat(original.storyId()).isEqualTo(first.id());
            assertThat(duplicate.duplicateOf()).isEqualTo(first.id());
        } else {
            assertThat(duplicate.duplicateOf()).isNotNull().isNotEqualTo(copy.id());
        }
        assertThat(duplicate.storyId()).isEqualTo(original.storyId());

        // a new version of the original is not a copy of its own later copy: it keeps its story and its link
        Instant later = Instant.now().minusSeconds(1);
        RawArticle secondVersion = new RawArticle(
                first.schemaVersion(),
                first.id(),
                2,
                first.url(),
                first.sourceId(),
                first.title(),
                first.format(),
                first.body() + " Updated with a correction.",
                null,
                null,
                first.authors(),
                first.publishedAt(),
                null,
                null,
                null,
                first.tags(),
                first.extra(),
                "b".repeat(64),
                Instant.now(),
                first.uri(),
                null,
                List.of());
        send(1, secondVersion.id(), EventJson.write(secondVersion));
        EnrichedArticle revised = TopicReader.find(
                        bootstrap,
                        Topics.ENRICHED,
                        later,
                        WAIT,
                        r -> first.id().equals(r.key()) && r.value().contains("\"version\":2"))
                .map(r -> EventJson.read(r.value(), EventContract.Kind.ENRICHED_ARTICLE, EnrichedArticle.class))
                .orElseThrow(() -> new AssertionError("no version 2 of " + first.id()));
        assertThat(revised.storyId()).isEqualTo(original.storyId());
        assertThat(revised.duplicateOf()).isEqualTo(original.duplicateOf());
        assertThat(duplicate.producedBy()).containsKey("duplicates");
        assertThat(duplicate.entities())
                .extracting(EnrichedArticle.Entity::name)
                .contains("Paul Manafort");
    }

    private EnrichedArticle enriched(Instant since, String id) {
        ConsumerRecord<String, String> record = TopicReader.find(
                        bootstrap, Topics.ENRICHED, since, WAIT, r -> id.equals(r.key()))
                .orElseThrow(() -> new AssertionError("no enriched record for " + id));
        return EventJson.read(record.value(), EventContract.Kind.ENRICHED_ARTICLE, EnrichedArticle.class);
    }

    private void send(Integer partition, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW, partition, key, value))
                    .get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + Topics.RAW, e);
        }
    }

    private static RawArticle rawArticle() {
        return rawArticle(
                "An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of"
                        + " Russia. A suspected gas leak led to an explosion, followed by the collapse of part of the building.");
    }

    private static RawArticle rawArticle(String body) {
        return rawArticle("Magnitogorsk apartment building collapses after explosion", body);
    }

    private static RawArticle rawArticle(String title, String body) {
        String url = "https://en.wikinews.org/wiki/Test_" + UUID.randomUUID();
        return new RawArticle(
                RawArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                1,
                url,
                null,
                title,
                BodyFormat.TEXT,
                body,
                null,
                null,
                List.of(),
                Instant.parse("2019-01-04T00:00:00Z"),
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
