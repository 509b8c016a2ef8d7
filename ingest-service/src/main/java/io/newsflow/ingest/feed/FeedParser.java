package io.newsflow.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.ingest.dedup.UrlCanonicalizer;
import io.newsflow.ingest.feed.FeedXml.Element;
import io.newsflow.ingest.page.Dates;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reads a feed document into its items, as feeds are in the wild: RSS 0.90 to 2.x (with or without
 * {@code <channel>}, Userland and Netscape variants), RSS 1.0 (RDF), Atom 0.3 and 1.0 (with or without their
 * namespace) and JSON Feed 1.x. Our own small reader over the JDK's StAX parser rather than ROME: ROME refuses
 * DOCTYPEs, drops items without a title, takes a {@code guid isPermaLink="false"} as a link, and reports errors
 * without a position; here no DTD is ever read (see {@link FeedXml}) and every refusal names line and column.
 *
 * <p>An item needs no title (the enrichment derives one from the text and says so); its link is resolved against
 * {@code xml:base} (nested), the feed's own URL and the channel's link; an item with no link is identified by its
 * {@code guid} / Atom {@code id} (or, with neither, by a hash of its text, within the feed); a plain-text
 * description is its body when there is no content.
 */
@ApplicationScoped
public class FeedParser {

    private static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    private static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("(?s).*(<[A-Za-z!/][^>]*>|&[#A-Za-z0-9]+;).*");
    /** The public id of the Netscape RSS 0.91 DTD: it tells that flavour from Userland's. */
    private static final String NETSCAPE_DOCTYPE = "-//Netscape Communications//DTD RSS 0.91//EN";

    private static final List<String> DATE_ELEMENTS =
            List.of("pubDate", "published", "issued", "date", "created", "updated", "modified");

    private final ObjectMapper mapper;

    public FeedParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A feed: its title, format (e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_feed_1.1}), language and items. */
    public record ParsedFeed(String title, String format, String language, List<FeedItem> items) {}

    /**
     * One item as the feed gives it; {@code html} and {@code text} may both be empty.
     *
     * @param link the item's web address, absolute; null when it has none
     * @param uri the item's identity when it has no web address of its own: its guid / Atom id, or a hash
     * @param title as given; null when the item has none
     */
    public record FeedItem(
            String link,
            String title,
            String html,
            String text,
            String summary,
            List<String> authors,
            Instant publishedAt,
            List<String> tags,
            String imageUrl,
            String uri) {}

    /** @throws InvalidInputException naming {@code body} when the document is not a feed this reads */
    public ParsedFeed parse(byte[] body, String contentType) {
        return parse(body, contentType, null);
    }

    /**
     * @param feedUrl where the feed was fetched from (or says it lives), the base of its relative links; or null
     * @throws InvalidInputException naming {@code body}, with line and column, when the document is not a feed
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", "is empty: send the feed document");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean json = type.contains("json") || (!type.contains("xml") && firstCharacter(body) == '{');
        return json ? parseJsonFeed(body, feedUrl) : parseXml(body, contentType, feedUrl);
    }

    private static ParsedFeed parseXml(byte[] body, String contentType, String feedUrl) {
        String document = FeedDecoder.decode(body, contentType);
        Element root = FeedXml.read(document);
        String base = absoluteWeb(feedUrl);
        return switch (root.name()) {
            case "rss", "channel", "RDF" -> rss(root, base, document.contains(NETSCAPE_DOCTYPE));
            case "feed" -> atom(root, base);
            default ->
                throw new InvalidInputException(
                        "body",
                        "is not a feed: its root element is <" + root.name()
                                + ">, where RSS has <rss> (or <rdf:RDF>) and Atom <feed>");
        };
    }

    // ---- RSS 0.9x, 1.0 (RDF), 2.x ---------------------------------------------------------------------------

    private static ParsedFeed rss(Element root, String feedUrl, boolean netscape) {
        Element channel = root.name().equals("channel") ? root : root.child("channel");
        String rootBase = resolve(feedUrl, root.attribute("xml:base"));
        String channelBase = channel == null ? rootBase : resolve(rootBase, channel.attribute("xml:base"));
        String channelLink = channel == null ? null : link(channelBase, text(channel.child("link")));
        // relative links: against xml:base, else the feed's URL, else the channel's link
        String base = channelBase != null ? channelBase : channelLink;
        String scope = scope(feedUrl, channelLink, channel);
        List<FeedItem> items = new ArrayList<>();
        if (channel != null && channel != root) {
            for (Element item : channel.all("item")) {
                items.add(rssItem(item, resolve(base, item.attribute("xml:base")), scope));
            }
        }
        // RDF puts its items beside the channel; some RSS 0.9x feeds do too
        for (Element item : root.all("item")) {
            items.add(rssItem(item, resolve(rootBase != null ? rootBase : base, item.attribute("xml:base")), scope));
        }
        String version = root.attribute("version");
        String format = root.name().equals("RDF")
                ? (root.ns().contains("netscape")
                                || (channel != null && channel.ns().contains("netscape"))
                        ? "rss_0.90"
                        : "rss_1.0")
                : "rss_" + (version == null ? "2.0" : version) + ("0.91".equals(version) ? (netscape ? "N" : "U") : "");
        return new ParsedFeed(
                channel == null ? null : plain(text(channel.child("title"))),
                format,
                channel == null ? null : firstText(channel, "language"),
                items);
    }

    private static FeedItem rssItem(Element item, String base, String scope) {
        String title = plain(text(item.child("title")));
        Element guidElement = item.child("guid");
        String guid = text(guidElement);
        boolean guidIsPermaLink =
                guidElement != null && !"false".equalsIgnoreCase(guidElement.attribute("isPermaLink"));
        String link = link(base, text(item.child("link")));
        if (link == null && guid != null && guidIsPermaLink) {
            link = link(base, guid);
        }
        String about = item.attribute("about");
        if (link == null && about != null) {
            link = link(base, about);
        }
        String html = null;
        String text = null;
        Element encoded = item.child("encoded", CONTENT, "");
        Element full = encoded != null ? encoded : firstOf(item, "body", "fullitem");
        if (full != null) {
            html = full.name().equals("body") && !full.children().isEmpty() ? full.innerXml() : text(full);
        }
        // iTunes and other modules put the only text in a summary of their own
        String description =
                text(item.child("description")) != null ? text(item.child("description")) : text(item.child("summary"));
        if (html == null && description != null) {
            if (LOOKS_LIKE_HTML.matcher(description).matches()) {
                html = description;
            } else {
                text = description;
            }
        }
        return new FeedItem(
                link,
                title,
                html,
                text,
                description == null ? null : plain(description),
                people(item, "author", "creator"),
                date(item),
                tags(item),
                image(item, base),
                identity(link, guid, scope, title, description, html));
    }

    // ---- Atom 0.3 / 1.0 -------------------------------------------------------------------------------------

    private static ParsedFeed atom(Element root, String feedUrl) {
        String base = resolve(feedUrl, root.attribute("xml:base"));
        String feedLink = alternate(root, base);
        String effective = base != null ? base : feedLink;
        String scope = scope(feedUrl, feedLink, root);
        List<FeedItem> items = new ArrayList<>();
        for (Element entry : root.all("entry")) {
            items.add(atomEntry(entry, resolve(effective, entry.attribute("xml:base")), scope));
        }
        String format = root.ns().equals(ATOM_10) ? "atom_1.0" : root.ns().equals(ATOM_03) ? "atom_0.3" : "atom";
        return new ParsedFeed(plain(atomText(root.child("title"))), format, root.attribute("xml:lang"), items);
    }

    private static FeedItem atomEntry(Element entry, String base, String scope) {
        String title = plain(atomText(entry.child("title")));
        String link = alternate(entry, base);
        String id = text(entry.child("id"));
        if (link == null && id != null && UrlCanonicalizer.isWebAddress(id)) {
            link = absoluteWeb(id);
        }
        Element content = entry.child("content");
        Element summary = entry.child("summary");
        String html = null;
        String text = null;
        for (Element body : new Element[] {content, summary}) {
            if (body == null || html != null || text != null) {
                continue;
            }
            String value = atomText(body);
            if (value == null) {
                continue;
            }
            String type = body.attribute("type");
            boolean isText = type == null
                    ? !LOOKS_LIKE_HTML.matcher(value).matches()
                    : type.equals("text") || type.equals("text/plain");
            if (isText) {
                text = value;
            } else {
                html = value;
            }
        }
        String summaryText = plain(atomText(summary));
        List<String> authors = new ArrayList<>();
        for (Element author : entry.all("author")) {
            String name = text(author.child("name"));
            if (name != null) {
                authors.add(name);
            }
        }
        authors.addAll(people(entry, "creator"));
        List<String> tags = new ArrayList<>();
        for (Element category : entry.all("category")) {
            String term = category.attribute("term") != null ? category.attribute("term") : text(category);
            if (term != null) {
                tags.add(term);
            }
        }
        tags.addAll(tags(entry));
        return new FeedItem(
                link,
                title,
                html,
                text,
                summaryText,
                authors,
                date(entry),
                tags.stream().distinct().toList(),
                image(entry, base),
                identity(link, id, scope, title, summaryText, html != null ? html : text));
    }

    /** An Atom text construct: plain text, escaped HTML, or inline XHTML (then its inner markup). */
    private static String atomText(Element element) {
        if (element == null) {
            return null;
        }
        String type = element.attribute("type");
        if ("xhtml".equals(type)
                || "application/xhtml+xml".equals(type)
                || !element.children().isEmpty()) {
            String inner = element.innerXml();
            return inner.isBlank() ? null : inner.strip();
        }
        if ("base64".equals(element.attribute("mode"))) {
            try {
                return new String(java.util.Base64.getMimeDecoder().decode(element.text()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return element.value();
            }
        }
        return element.value();
    }

    /** The {@code rel="alternate"} link (or one without rel), preferring HTML, resolved. */
    private static String alternate(Element element, String base) {
        String best = null;
        for (Element link : element.all("link")) {
            String rel = link.attribute("rel");
            String href = link.attribute("href") != null ? link.attribute("href") : text(link);
            if (href == null || !(rel == null || rel.equals("alternate"))) {
                continue;
            }
            String resolved = absoluteWeb(resolve(resolve(base, link.attribute("xml:base")), href));
            if (resolved == null) {
                continue;
            }
            String type = link.attribute("type");
            if (type == null || type.contains("html")) {
                return resolved;
            }
            best = best != null ? best : resolved;
        }
        return best;
    }

    // ---- shared -------------------------------------------------------------------------------------------

    /**
     * The identity of an item that has no web address: its guid or Atom id when that is an absolute URI; a guid
     * that is not one, or an item with neither, is named within its feed ({@code scope}).
     */
    private static String identity(String link, String guid, String scope, String... texts) {
        if (link != null) {
            return null;
        }
        // a web-address guid here is one the feed said is no permalink: as a uri it would pass for the URL
        if (guid != null
                && UrlCanonicalizer.isAbsoluteUri(guid)
                && !UrlCanonicalizer.isWebAddress(guid)
                && !guid.contains(" ")) {
            return guid;
        }
        String key = guid != null ? "guid:" + guid : "text:" + sha256(String.join("\u0000", nonNull(texts)));
        return "urn:newsflow:feed-item:" + encode(scope) + ":" + encode(key);
    }

    /** What names a feed: its URL, else its link, else its title. */
    private static String scope(String feedUrl, String link, Element channel) {
        if (feedUrl != null) {
            return feedUrl;
        }
        if (link != null) {
            return link;
        }
        String title = channel == null ? null : plain(text(channel.child("title")));
        return title != null ? title : "untitled";
    }

    private static List<String> people(Element item, String... names) {
        List<String> people = new ArrayList<>();
        for (String name : names) {
            for (Element person : item.all(name)) {
                String value = person.child("name") != null ? text(person.child("name")) : text(person);
                if (value != null && !people.contains(value)) {
                    people.add(value);
                }
            }
        }
        return people;
    }

    private static List<String> tags(Element item) {
        List<String> tags = new ArrayList<>();
        for (Element category : item.children()) {
            if ((category.name().equals("category") && category.ns().isEmpty())
                    || (category.name().equals("subject") && category.ns().equals(DC))) {
                String value = text(category);
                if (value != null && !tags.contains(value)) {
                    tags.add(value);
                }
            }
        }
        return tags;
    }

    private static Instant date(Element item) {
        for (String name : DATE_ELEMENTS) {
            for (Element date : item.all(name)) {
                Instant parsed = Dates.parse(text(date)).orElse(null);
                if (parsed != null) {
                    return parsed;
                }
            }
        }
        return null;
    }

    private static String image(Element item, String base) {
        for (Element enclosure : item.children()) {
            String type = enclosure.attribute("type");
            boolean image = (enclosure.name().equals("enclosure") && type != null && type.startsWith("image/"))
                    || enclosure.name().equals("thumbnail")
                    || (enclosure.name().equals("content") && type != null && type.startsWith("image/"));
            String url = enclosure.attribute("url") != null ? enclosure.attribute("url") : enclosure.attribute("href");
            if (image && url != null) {
                String resolved = link(base, url);
                if (resolved != null) {
                    return resolved;
                }
            }
        }
        return null;
    }

    private static Element firstOf(Element item, String... names) {
        for (String name : names) {
            Element found = item.child(name);
            if (found != null && (found.value() != null || !found.children().isEmpty())) {
                return found;
            }
        }
        return null;
    }

    private static String firstText(Element element, String name) {
        return text(element.child(name));
    }

    /** The element's text, or its inner markup when it holds elements (HTML written unescaped). */
    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        if (!element.children().isEmpty() && !element.innerXml().isBlank()) {
            return element.innerXml().strip();
        }
        return element.value();
    }

    /** {@code reference} resolved against {@code base}; the reference itself when it cannot be. */
    static String resolve(String base, String reference) {
        if (reference == null || reference.isBlank()) {
            return base;
        }
        String ref = reference.strip();
        if (base == null) {
            return ref;
        }
        try {
            return new URI(base).resolve(new URI(ref.replace(" ", "%20"))).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return ref;
        }
    }

    /** A link resolved against the base: an absolute http(s) address, or null (also when there is no link). */
    private static String link(String base, String reference) {
        return reference == null || reference.isBlank() ? null : absoluteWeb(resolve(base, reference));
    }

    /** The text when it is an absolute http(s) address with a host; null otherwise. */
    static String absoluteWeb(String text) {
        if (text == null || !UrlCanonicalizer.isWebAddress(text)) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            return uri.getHost() == null ? null : uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private ParsedFeed parseJsonFeed(byte[] body, String feedUrl) {
        JsonNode feed;
        try {
            feed = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // a limit's message ends with the Java setting it comes from: not for clients
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InvalidInputException(
                    "body",
                    "is not valid JSON" + where + ": " + e.getOriginalMessage().replaceAll(", from `[^`]*`", ""));
        } catch (IOException e) {
            throw new InvalidInputException("body", "cannot be read");
        }
        String version = feed == null ? null : json(feed.get("version"));
        if (version == null || !version.startsWith("https://jsonfeed.org/version/1")) {
            throw new InvalidInputException(
                    "body", "is not a JSON Feed 1.x (its version must be https://jsonfeed.org/version/1 or /1.1)");
        }
        JsonNode items = feed.get("items");
        if (items == null || !items.isArray()) {
            throw new InvalidInputException("items", "must be an array");
        }
        String base = absoluteWeb(feedUrl) != null
                ? absoluteWeb(feedUrl)
                : absoluteWeb(json(feed.get("feed_url"))) != null
                        ? absoluteWeb(json(feed.get("feed_url")))
                        : absoluteWeb(json(feed.get("home_page_url")));
        String scope = base != null ? base : json(feed.get("title")) != null ? json(feed.get("title")) : "untitled";
        List<FeedItem> parsed = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> authors = new ArrayList<>();
            JsonNode authorList = item.has("authors") ? item.get("authors") : feed.get("authors");
            JsonNode single = item.has("author") ? item.get("author") : feed.get("author");
            for (JsonNode a : authorList != null && authorList.isArray()
                    ? authorList
                    : single == null ? List.<JsonNode>of() : List.of(single)) {
                String name = json(a.get("name"));
                if (name != null) {
                    authors.add(name);
                }
            }
            List<String> tags = new ArrayList<>();
            if (item.get("tags") != null && item.get("tags").isArray()) {
                item.get("tags").forEach(t -> tags.add(t.asText()));
            }
            String link = link(base, json(item.get("url")));
            if (link == null) {
                link = link(base, json(item.get("external_url")));
            }
            String title = json(item.get("title"));
            String html = json(item.get("content_html"));
            String text = json(item.get("content_text"));
            String summary = json(item.get("summary"));
            parsed.add(new FeedItem(
                    link,
                    title,
                    html,
                    text,
                    summary,
                    authors,
                    Dates.parse(json(item.get("date_published")))
                            .or(() -> Dates.parse(json(item.get("date_modified"))))
                            .orElse(null),
                    tags,
                    link(base, json(item.get("image"))),
                    identity(link, json(item.get("id")), scope, title, summary, html != null ? html : text)));
        }
        return new ParsedFeed(
                json(feed.get("title")),
                "json_feed_" + version.substring(version.lastIndexOf('/') + 1),
                json(feed.get("language")),
                parsed);
    }

    private static int firstCharacter(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
                ? 3
                : 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length ? body[i] : -1;
    }

    /** Text without markup: feed titles and descriptions often carry HTML. */
    private static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text =
                LOOKS_LIKE_HTML.matcher(html).matches() ? Jsoup.parse(html).text() : html.strip();
        return text.isBlank() ? null : text;
    }

    private static String json(JsonNode node) {
        return node == null
                        || node.isNull()
                        || node.isContainerNode()
                        || node.asText().isBlank()
                ? null
                : node.asText();
    }

    private static List<String> nonNull(String... texts) {
        List<String> kept = new ArrayList<>();
        for (String t : texts) {
            if (t != null) {
                kept.add(t);
            }
        }
        return kept;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
