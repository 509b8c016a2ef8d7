package io.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventContractTest {

    static RawArticle rawArticle() {
        String url = "https://news.example.org/2024/05/01/summit";
        return new RawArticle(
                RawArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                1,
                url,
                "demo",
                "Leaders meet in Reykjavík",
                BodyFormat.TEXT,
                "The leaders met on Monday.",
                null,
                null,
                List.of("A. Writer"),
                Instant.parse("2024-05-01T10:00:00Z"),
                null,
                "world",
                null,
                List.of("summit"),
                Map.of("desk", "foreign"),
                "0".repeat(64),
                Instant.parse("2024-05-01T10:05:00.123Z"),
                url,
                "Reykjavík",
                List.of(new RawArticle.Subject("medtop:11000000", "politics", "about")));
    }

    @Test
    void rawArticleRecordIsValidAndRoundTrips() {
        RawArticle raw = rawArticle();
        String json = EventJson.write(raw);

        assertThat(EventContract.violations(EventContract.Kind.RAW_ARTICLE, EventJson.tree(raw)))
                .isEmpty();
        assertThat(EventJson.read(json, EventContract.Kind.RAW_ARTICLE, RawArticle.class))
                .isEqualTo(raw);
        assertThat(json).contains("\"format\":\"text\"").doesNotContain("\"html\"");
    }

    @Test
    void enrichedArticleRecordIsValid() {
        RawArticle raw = rawArticle();
        var enriched = new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                raw.id(),
                raw.version(),
                raw.url(),
                raw.sourceId(),
                raw.title(),
                raw.body(),
                null,
                raw.authors(),
                raw.publishedAt(),
                raw.section(),
                null,
                raw.tags(),
                raw.extra(),
                raw.contentHash(),
                raw.receivedAt(),
                Instant.parse("2024-05-01T10:05:01Z"),
                new EnrichedArticle.DetectedLanguage("en", 0.98),
                List.of(new EnrichedArticle.Entity("location", "Reykjavík", "geonames:3413829", "IS", 1, 0.5, 0.9)),
                List.of(new EnrichedArticle.Topic(
                        "medtop:11000000", "politics", 0.8, "keyword: leaders", EnrichedArticle.ORIGIN_TAGGER)),
                null,
                null,
                Map.of("language", "lingua-1.2.2"),
                raw.uri(),
                EnrichedArticle.TITLE_GIVEN,
                raw.located());

        assertThat(EventContract.violations(EventContract.Kind.ENRICHED_ARTICLE, EventJson.tree(enriched)))
                .isEmpty();
    }

    @Test
    void missingFieldsAndWrongTypesAreNamed() {
        ObjectNode node = (ObjectNode) EventJson.tree(rawArticle());
        node.remove("contentHash");
        node.put("version", "one");
        node.put("url", "ftp://example.org/x");
        node.put("uri", "no scheme");

        assertThat(String.join("\n", EventContract.violations(EventContract.Kind.RAW_ARTICLE, node)))
                .contains("contentHash")
                .contains("version")
                .contains("url")
                .contains("uri");
    }

    @Test
    void anArticleNeedsAnIdentityButNotAWebAddressOrATitle() {
        ObjectNode urnOnly = (ObjectNode) EventJson.tree(rawArticle());
        urnOnly.remove("url");
        urnOnly.remove("title");
        urnOnly.put("uri", "urn:newsml:example.org:20240501:summit");
        ObjectNode neither = (ObjectNode) EventJson.tree(rawArticle());
        neither.remove("url");
        neither.remove("uri");

        assertThat(EventContract.violations(EventContract.Kind.RAW_ARTICLE, urnOnly))
                .isEmpty();
        assertThat(String.join("\n", EventContract.violations(EventContract.Kind.RAW_ARTICLE, neither)))
                .contains("uri")
                .contains("url");
    }

    @Test
    void messagesWrittenBeforeUriExistedAreIdentifiedByTheirUrl() {
        ObjectNode old = (ObjectNode) EventJson.tree(rawArticle());
        old.remove("uri");
        old.remove("located");
        old.remove("subjects");

        RawArticle read = EventJson.read(old.toString(), EventContract.Kind.RAW_ARTICLE, RawArticle.class);

        assertThat(read.identity()).isEqualTo(read.url());
        assertThat(ArticleIds.forIdentity(read.identity())).isEqualTo(read.id());
    }

    @Test
    void readRejectsWhatIsNotAMessage() {
        assertThatThrownBy(() -> EventJson.read("{not json", EventContract.Kind.RAW_ARTICLE, RawArticle.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(
                        () -> EventJson.read("{\"schemaVersion\":1}", EventContract.Kind.RAW_ARTICLE, RawArticle.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("id");
    }
}
