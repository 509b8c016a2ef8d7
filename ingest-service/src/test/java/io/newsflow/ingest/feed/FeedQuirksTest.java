package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.article.ArticleSubmission;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Feeds as they are in the wild, on files of feedparser's test corpus ({@code fixtures/feeds/feedparser}, BSD-2-Clause),
 * each named after its place there; a few quirks the corpus has no item-bearing file for are written inline.
 */
class FeedQuirksTest {

    private final FeedParser parser = new FeedParser(new ObjectMapper());

    private FeedParser.ParsedFeed corpus(String name, String contentType, String feedUrl) {
        return parser.parse(Fixtures.bytes("feeds/feedparser/" + name), contentType, feedUrl);
    }

    private FeedParser.ParsedFeed inline(String xml, String contentType) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), contentType, null);
    }

    @Test
    void anItemWithoutATitleIsKeptAndItsPlainDescriptionIsTheBody() {
        FeedParser.ParsedFeed feed = corpus("wellformed_rss_item_description.xml", "application/rss+xml", null);

        FeedParser.FeedItem item = feed.items().getFirst();
        assertThat(item.title()).isNull();
        assertThat(item.text()).isEqualTo("Example description");
        ArticleSubmission article = FeedArticles.of(feed, item);
        // no title: the enrichment derives one and marks it derived
        assertThat(article.title()).isNull();
        assertThat(article.body()).isEqualTo("Example description");
        assertThat(article.html()).isNull();
        // neither link nor guid: identified by its text, within the feed
        assertThat(article.url()).isNull();
        assertThat(article.uri()).startsWith("urn:newsflow:feed-item:");
    }

    @Test
    void aGuidThatIsNoPermalinkIsNeverTheUrlButStaysTheIdentity() {
        FeedParser.FeedItem notPermalink = corpus("wellformed_rss_item_guid_not_permalink.xml", null, null)
                .items()
                .getFirst();
        assertThat(notPermalink.link()).isNull();
        assertThat(notPermalink.uri())
                .startsWith("urn:newsflow:feed-item:")
                .contains("guid.example.com")
                .doesNotStartWith("http");

        FeedParser.FeedItem notUrl = corpus("wellformed_rss_item_guid_not_permalink_not_url.xml", null, null)
                .items()
                .getFirst();
        assertThat(notUrl.link()).isNull();
        assertThat(notUrl.uri()).endsWith(":guid%3Aabc");

        // a permalink guid (the default) is the item's link
        FeedParser.FeedItem permalink =
                corpus("wellformed_rss_item_guid.xml", null, null).items().getFirst();
        assertThat(permalink.link()).isEqualTo("http://guid.example.com/");
    }

    @Test
    void aRelativeLinkIsResolvedAgainstTheFeedUrl() {
        FeedParser.FeedItem item = corpus(
                        "wellformed_base_http_item_link_base_content_location.xml", null, "http://example.com/")
                .items()
                .getFirst();
        assertThat(item.link()).isEqualTo("http://example.com/relative/uri");
    }

    @Test
    void relativeLinksAreResolvedAgainstNestedXmlBaseThenTheChannelLink() {
        FeedParser.ParsedFeed atom = corpus("wellformed_base_entry_content_xml_base_inherit_4.xml", null, null);
        assertThat(atom.format()).isEqualTo("atom_0.3");
        assertThat(atom.items().getFirst().html()).contains("Example").contains("test.html");

        FeedParser.ParsedFeed nested = inline("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/world/">
                  <entry xml:base="2024/">
                    <id>urn:uuid:1</id><link href="summit.html"/><content>Leaders met.</content>
                  </entry>
                </feed>""", "application/atom+xml");
        assertThat(nested.items().getFirst().link()).isEqualTo("https://news.example.org/world/2024/summit.html");

        FeedParser.ParsedFeed channelLink = inline("""
                <rss version="2.0"><channel><link>https://news.example.org/</link>
                  <item><link>/2024/05/01/summit</link><description>Leaders met.</description></item>
                </channel></rss>""", "application/rss+xml");
        assertThat(channelLink.items().getFirst().link()).isEqualTo("https://news.example.org/2024/05/01/summit");
    }

    @Test
    void anAtomIdIsTheIdentityOfAnEntryWithoutALink() {
        FeedParser.FeedItem entry = inline("""
                        <feed xmlns="http://www.w3.org/2005/Atom">
                          <entry><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id><summary>Leaders met.</summary></entry>
                        </feed>""", "application/atom+xml").items().getFirst();
        assertThat(entry.link()).isNull();
        assertThat(entry.uri()).isEqualTo("urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6");
        assertThat(entry.text()).isEqualTo("Leaders met.");
    }

    @Test
    void theNetscapeDoctypeIsIgnoredAndHtmlEntitiesAreRead() {
        FeedParser.ParsedFeed netscape =
                corpus("wellformed_rss_rss_version_091_netscape.xml", "application/rss+xml", null);
        assertThat(netscape.format()).isEqualTo("rss_0.91N");

        FeedParser.ParsedFeed nbsp = corpus("entities_nbsp.xml", "text/xml", null);
        assertThat(nbsp.title()).isEqualTo("testing \u00a0 entity");
    }

    @Test
    void rss21AndUserlandNamespacesAndAtomWithoutNamespaceAreRead() {
        assertThat(corpus("wellformed_rss_rss_version_21.xml", null, null).format())
                .isEqualTo("rss_2.1");

        FeedParser.ParsedFeed userland = corpus("wellformed_namespace_rss2.0NSwithModules.xml", null, null);
        assertThat(userland.items().getFirst().title()).isEqualTo("Test Item - RSS2.0 w/ NS");
        assertThat(userland.items().getFirst().link()).startsWith("http");

        FeedParser.ParsedFeed noNamespace = inline("""
                <feed version="0.3"><title>Old Atom</title>
                  <entry><title>First</title><link rel="alternate" href="https://example.org/1"/>
                  <content type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;</content></entry>
                </feed>""", "application/atom+xml");
        assertThat(noNamespace.items().getFirst().link()).isEqualTo("https://example.org/1");
        assertThat(noNamespace.items().getFirst().html()).isEqualTo("<p>Hello</p>");
    }

    @Test
    void byteOrderMarksDeclarationsAndTheHttpCharsetAreHonoured() {
        for (String name : new String[] {
            "encoding_utf-16le-bom.xml", "encoding_utf-32be-bom.xml", "encoding_utf-16be-autodetect.xml"
        }) {
            assertThat(corpus(name, "application/xml", null).format()).as(name).startsWith("rss");
        }
        // the HTTP charset wins over the declaration, whatever its spacing
        assertThat(corpus("encoding_http_text_xml_charset_overrides_encoding.xml", "text/xml;charset = us-ascii", null)
                        .format())
                .isEqualTo("rss_2.0");

        String feed = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><item>"
                + "<title>Reykjavík summit</title><link>https://example.org/r</link></item></channel></rss>";
        byte[] utf16le = withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, feed, StandardCharsets.UTF_16LE);
        assertThat(parser.parse(utf16le, "application/rss+xml")
                        .items()
                        .getFirst()
                        .title())
                .isEqualTo("Reykjavík summit");
        byte[] latin1 = feed.replace("utf-16", "iso-8859-1").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(latin1, "application/rss+xml; charset=\"ISO-8859-1\"")
                        .items()
                        .getFirst()
                        .title())
                .isEqualTo("Reykjavík summit");
    }

    @Test
    void undeclaredLegacyBytesAreDetected() {
        FeedParser.FeedItem item = corpus("illformed_chardet_koi8r.xml", "application/xml", null)
                .items()
                .getFirst();
        assertThat(item.title()).isEqualTo("Как пережить новогоднюю ночь");
    }

    @Test
    void anUnknownEncodingIsNamedAsGiven() {
        assertThatThrownBy(() -> corpus("encoding_bozo_bogus_encoding.xml", "application/xml", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"bogus\"")
                .hasMessageNotContaining("BOGUS");
    }

    @Test
    void entitiesADoctypeDeclaresAreNeverExpanded() {
        // feedparser expands this internal entity; we refuse, naming where: no DTD is ever read
        assertThatThrownBy(() -> corpus("wellformed_rss_entity_in_doctype.xml", "application/rss+xml", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 13, column")
                .hasMessageContaining("The entity \"id\" was referenced, but not declared");
    }

    @Test
    void xxeAndBillionLaughsNeverExpandAndSayWhere() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title></channel></rss>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
                """;
        assertThatThrownBy(() -> inline(xxe, "application/rss+xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The entity \"secret\" was referenced, but not declared")
                .hasMessageContaining("line 3, column")
                .hasMessageNotContaining("root:");
        assertThatThrownBy(() -> inline(laughs, "application/rss+xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The entity \"lol3\" was referenced, but not declared")
                .hasMessageContaining("line 4, column");
        // an external DTD is skipped, never fetched: the feed is read
        FeedParser.ParsedFeed external = inline("""
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "http://hostile.example.org/evil.dtd">
                <rss version="2.0"><channel><item><link>https://example.org/a</link><title>A</title></item></channel></rss>""", "application/rss+xml");
        assertThat(external.items()).hasSize(1);
    }

    @Test
    void malformedXmlIsRefusedWithLineAndColumn() {
        assertThatThrownBy(() -> inline("<rss version=\"2.0\">\n<channel>\n<title>x</channel></rss>", "text/xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("body: is not well-formed XML at line 3, column")
                .hasMessageNotContaining("ParseError");
    }

    @Test
    void anUndeclaredPrefixIsNamedInUserWordsAndAMisplacedDeclarationIsSetAside() {
        assertThatThrownBy(() -> inline(
                        "<rss version=\"2.0\"><channel>\n<itunes:subtitle>x</itunes:subtitle></channel></rss>", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2, column")
                .hasMessageContaining(
                        "the prefix \"itunes\" (of itunes:subtitle) is used without declaring its namespace")
                .hasMessageNotContaining("PrefixUnbound");

        FeedParser.ParsedFeed late = inline(
                "<!-- a comment first -->\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Late</title>"
                        + "</channel></rss>",
                "application/rss+xml");
        assertThat(late.title()).isEqualTo("Late");
    }

    private static byte[] withBom(byte[] bom, String text, Charset charset) {
        ByteBuffer encoded = charset.encode(text);
        byte[] bytes = new byte[bom.length + encoded.remaining()];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        encoded.get(bytes, bom.length, encoded.remaining());
        return bytes;
    }
}
