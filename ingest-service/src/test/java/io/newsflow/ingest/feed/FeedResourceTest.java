package io.newsflow.ingest.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import io.newsflow.events.BodyFormat;
import io.newsflow.events.RawArticle;
import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.RawEvents;
import io.newsflow.ingest.Sources;
import io.newsflow.local.LocalStackTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Feed documents pushed to the real service: every item an article, hostile XML refused. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedResourceTest {

    @Test
    void eachItemOfAPushedFeedBecomesAnArticleAndARepushChangesNothing() {
        // a fresh source each time: the feed's URLs are fixed, and another source may not change them
        String key = Sources.newSourceKey();
        List<String> first = given().header("X-Api-Key", key)
                .contentType("application/atom+xml")
                .body(Fixtures.bytes("feeds/heise.atom"))
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(202)
                .body("$", hasSize(15))
                .body("[0].url", containsString("WildFly-10-frei-3088438.html"))
                .extract()
                .path("status");
        // the first run of the suite accepts them; later runs find them from an earlier source
        assertThat(first)
                .allMatch(s -> List.of("accepted", "duplicate", "rejected").contains(s));

        given().header("X-Api-Key", key)
                .contentType("application/atom+xml")
                .body(Fixtures.bytes("feeds/heise.atom"))
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(202)
                .body("status", everyItem(oneOf("duplicate", "rejected")));
    }

    @Test
    void aJsonFeedIsReadToo() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("application/feed+json")
                .body(Fixtures.bytes("feeds/json_feed_with_escaped_uris.json"))
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(202)
                .body("$", hasSize(30))
                .body("[0].url", equalTo("https://lukedorny.com/updates/new-font"));
    }

    @Test
    void xxeIsRefusedWithAProblem() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("application/rss+xml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("detail", containsString("DOCTYPE"))
                .body("detail", containsString("line 1, column"))
                .body(org.hamcrest.Matchers.not(containsString("root:")));
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("text/csv")
                .body("a,b\n1,2\n")
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void anUntitledGuidOnlyItemIsKeptUnderItsGuidWithNoTitleForEnrichmentToDerive() throws Exception {
        // the shape of feedparser's item_guid_not_permalink.xml, with a text (the corpus file has none)
        String feedUrl = "https://feeds.example.org/" + UUID.randomUUID() + ".xml";
        Instant since = Instant.now();
        var result = given().header("X-Api-Key", Sources.newSourceKey())
                .header("Content-Location", feedUrl)
                .contentType("application/rss+xml")
                .body("<rss version=\"2.0\"><channel><item><guid isPermaLink=\"false\">http://guid.example.com/</guid>"
                        + "<description>Rivers flooded the town on Monday.</description></item></channel></rss>")
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(202)
                .body("$", hasSize(1))
                .body("[0].status", equalTo("accepted"))
                .body("[0].url", nullValue())
                .body("[0].uri", startsWith("urn:newsflow:feed-item:"))
                .extract();

        RawArticle raw = RawEvents.published(result.path("[0].id"), since);
        // the guid said it is no permalink: never the URL, but the identity
        assertThat(raw.url()).isNull();
        assertThat(raw.uri()).isEqualTo(result.path("[0].uri")).contains("guid.example.com");
        assertThat(raw.title()).isNull();
    }

    @Test
    void aPlainDescriptionIsTheBodyAndARelativeLinkIsResolvedAgainstTheFeedUrl() throws Exception {
        String feedUrl = "https://feeds.example.org/" + UUID.randomUUID() + "/";
        Instant since = Instant.now();
        String id = given().header("X-Api-Key", Sources.newSourceKey())
                .header("Content-Location", feedUrl)
                .contentType("application/rss+xml; charset=utf-8")
                .body("<rss version=\"2.0\"><channel><item><link>2024/summit</link>"
                        + "<description>Leaders met in Reykjavík on Monday. They agreed on little.</description>"
                        + "</item></channel></rss>")
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(202)
                .body("[0].status", equalTo("accepted"))
                .body("[0].url", equalTo(feedUrl + "2024/summit"))
                .extract()
                .path("[0].id");

        RawArticle raw = RawEvents.published(id, since);
        assertThat(raw.format()).isEqualTo(BodyFormat.TEXT);
        assertThat(raw.body()).isEqualTo("Leaders met in Reykjavík on Monday. They agreed on little.");
        assertThat(raw.title()).isNull();
    }

    @Test
    void aMalformedFeedIsRefusedNamingLineAndColumn() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("application/rss+xml")
                .body("<rss version=\"2.0\">\n<channel>\n<title>Unclosed</channel>\n</rss>")
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("detail", containsString("is not well-formed XML at line 3, column"))
                .body("detail", not(containsString("ParseError")));
    }

    @Test
    void anUnknownCharsetIsNamedAsGiven() {
        // RestAssured would add a charset of its own to the Content-Type, which would then win over the document's
        given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("X-Api-Key", Sources.newSourceKey())
                .contentType("application/xml")
                .body(Fixtures.bytes("feeds/feedparser/encoding_bozo_bogus_encoding.xml"))
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("\"bogus\""))
                .body("detail", not(containsString("BOGUS")));
    }

    @Test
    void a415ListsTheAcceptedTypes() {
        given().header("X-Api-Key", Sources.newSourceKey())
                .contentType("text/plain")
                .body("<rss/>")
                .post("/api/v1/feeds/items")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/rss+xml"))
                .body("detail", containsString("application/atom+xml"))
                .body("detail", containsString("application/feed+json"))
                .body("detail", containsString("not as text/plain"));
    }
}
