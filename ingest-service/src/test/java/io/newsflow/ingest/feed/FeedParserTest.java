package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.ingest.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Real feeds, with the items rss-parser's own expected output names. */
class FeedParserTest {

    private final FeedParser parser = new FeedParser(new ObjectMapper());

    @Test
    void readsAtom() {
        FeedParser.ParsedFeed feed = parser.parse(Fixtures.bytes("feeds/heise.atom"), "application/atom+xml");
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.items()).hasSize(15);
        FeedParser.FeedItem first = feed.items().getFirst();
        assertThat(first.title()).isEqualTo("Java-Anwendungsserver: Red Hat gibt WildFly 10 frei");
        assertThat(first.link())
                .isEqualTo(
                        "http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom");
        assertThat(first.publishedAt()).isNotNull();
    }

    @Test
    void readsRss2WithoutBeingToldTheType() {
        FeedParser.ParsedFeed feed = parser.parse(Fixtures.bytes("feeds/guardian.rss"), null);
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.items()).hasSize(55);
        assertThat(feed.items().getFirst().title())
                .isEqualTo("Trump State of the Union address promised unity but emphasized discord");
        assertThat(feed.items().getFirst().link())
                .isEqualTo(
                        "https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord");
        assertThat(feed.items().getFirst().html()).isNotBlank();
        assertThat(feed.items().getFirst().tags()).isNotEmpty();
    }

    @Test
    void readsRss1AndRss091() {
        FeedParser.ParsedFeed rdf = parser.parse(Fixtures.bytes("feeds/rss-1.rss"), "application/rdf+xml");
        assertThat(rdf.format()).isEqualTo("rss_1.0");
        assertThat(rdf.items()).hasSize(69);
        assertThat(rdf.items().getFirst().title()).isEqualTo("Food for fungi");

        FeedParser.ParsedFeed old = parser.parse(Fixtures.bytes("feeds/rss_0.91U.xml"), "text/xml");
        assertThat(old.format()).isEqualTo("rss_0.91U");
        assertThat(old.items()).isNotEmpty();
    }

    @Test
    void readsJsonFeed11() {
        FeedParser.ParsedFeed feed =
                parser.parse(Fixtures.bytes("feeds/json_feed_with_escaped_uris.json"), "application/feed+json");
        assertThat(feed.format()).isEqualTo("json_feed_1.1");
        assertThat(feed.items()).hasSize(30);
        assertThat(feed.items().getFirst().title()).isEqualTo("New Font");
        assertThat(feed.items().getFirst().link()).isEqualTo("https://lukedorny.com/updates/new-font");
    }

    @Test
    void refusesExternalEntitiesAndEntityExpansion() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title>
                <item><title>x</title><link>https://example.org/x</link></item></channel></rss>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
                """;
        for (String hostile : new String[] {xxe, laughs}) {
            assertThatThrownBy(() -> parser.parse(hostile.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("was referenced, but not declared")
                    .hasMessageNotContaining("root:");
        }
    }

    @Test
    void saysWhatIsWrongWithWhatIsNotAFeed() {
        assertThatThrownBy(() ->
                        parser.parse("<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8), "text/xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("body: is not a feed: its root element is <html>");
        assertThatThrownBy(() -> parser.parse("{\"items\": []}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("JSON Feed");
    }

    @Test
    void aJsonFeedNestedTooDeepIsRefusedWithoutNamingJavaSettings() {
        byte[] deep = ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(deep, "application/feed+json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nesting depth (1001) exceeds the maximum allowed (1000)")
                .hasMessageNotContaining("StreamReadConstraints");
    }
}
