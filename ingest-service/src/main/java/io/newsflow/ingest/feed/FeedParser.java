package io.newsflow.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.ingest.page.Dates;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Reads a feed document into its items: RSS 0.9x to 2.0 and Atom 0.3 / 1.0 with ROME, JSON Feed 1.x with
 * Jackson. The format comes from the content type, else from the first character. XML that declares a DOCTYPE
 * is refused, so external entities (XXE) and entity expansion (billion laughs) never get a chance.
 */
@ApplicationScoped
public class FeedParser {

    private final ObjectMapper mapper;

    public FeedParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A feed: its title, format (e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_feed}), language and items. */
    public record ParsedFeed(String title, String format, String language, List<FeedItem> items) {}

    /** One item as the feed gives it; {@code html} and {@code text} may both be empty. */
    public record FeedItem(
            String link,
            String title,
            String html,
            String text,
            String summary,
            List<String> authors,
            Instant publishedAt,
            List<String> tags,
            String imageUrl) {}

    /** @throws InvalidInputException naming {@code body} when the document is not a feed this reads */
    public ParsedFeed parse(byte[] body, String contentType) {
        return parse(body, contentType, null);
    }

    /** @param feedUrl where the feed was fetched from (or says it lives), or null */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", "is empty: send the feed document");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean json = type.contains("json") || (!type.contains("xml") && firstCharacter(body) == '{');
        return json ? parseJsonFeed(body) : parseXml(body, contentType);
    }

    private ParsedFeed parseXml(byte[] body, String contentType) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.toLowerCase(Locale.ROOT).contains("doctype")) {
                throw new InvalidInputException(
                        "body", "declares a DOCTYPE, which feeds are not allowed to (external entities are refused)");
            }
            throw new InvalidInputException("body", "is not an RSS or Atom feed: " + firstLine(reason));
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry));
        }
        return new ParsedFeed(plain(feed.getTitle()), feed.getFeedType(), feed.getLanguage(), items);
    }

    private static FeedItem item(SyndEntry entry) {
        String link = entry.getLink() != null ? entry.getLink() : entry.getUri();
        String html = null;
        String text = null;
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() == null || content.getValue().isBlank()) {
                continue;
            }
            if (content.getType() != null
                    && content.getType().toLowerCase(Locale.ROOT).contains("text")
                    && !content.getType().contains("html")) {
                text = content.getValue();
            } else {
                html = content.getValue();
            }
            break;
        }
        String description =
                entry.getDescription() == null ? null : entry.getDescription().getValue();
        if (html == null && text == null && description != null) {
            html = description;
        }
        List<String> authors = new ArrayList<>();
        for (SyndPerson person : entry.getAuthors()) {
            if (person.getName() != null && !person.getName().isBlank()) {
                authors.add(person.getName().strip());
            }
        }
        if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            authors.add(entry.getAuthor().strip());
        }
        List<String> tags = new ArrayList<>();
        for (SyndCategory category : entry.getCategories()) {
            if (category.getName() != null && !category.getName().isBlank()) {
                tags.add(category.getName().strip());
            }
        }
        String image = null;
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure.getType() != null && enclosure.getType().startsWith("image/")) {
                image = enclosure.getUrl();
                break;
            }
        }
        Instant published = entry.getPublishedDate() != null
                ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant();
        return new FeedItem(
                link == null ? null : link.strip(),
                plain(entry.getTitle()),
                html,
                text,
                description == null ? null : plain(description),
                authors,
                published,
                tags,
                image);
    }

    private ParsedFeed parseJsonFeed(byte[] body) {
        JsonNode feed;
        try {
            feed = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // a limit's message ends with the Java setting it comes from: not for clients
            throw new InvalidInputException(
                    "body", "is not valid JSON: " + e.getOriginalMessage().replaceAll(", from `[^`]*`", ""));
        } catch (IOException e) {
            throw new InvalidInputException("body", "cannot be read");
        }
        String version = text(feed.get("version"));
        if (version == null || !version.startsWith("https://jsonfeed.org/version/1")) {
            throw new InvalidInputException(
                    "body", "is not a JSON Feed 1.x (its version must be https://jsonfeed.org/version/1 or /1.1)");
        }
        JsonNode items = feed.get("items");
        if (items == null || !items.isArray()) {
            throw new InvalidInputException("items", "must be an array");
        }
        List<FeedItem> parsed = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> authors = new ArrayList<>();
            JsonNode authorList = item.has("authors") ? item.get("authors") : feed.get("authors");
            JsonNode single = item.has("author") ? item.get("author") : feed.get("author");
            for (JsonNode a : authorList != null && authorList.isArray()
                    ? authorList
                    : single == null ? List.<JsonNode>of() : List.of(single)) {
                String name = text(a.get("name"));
                if (name != null) {
                    authors.add(name);
                }
            }
            List<String> tags = new ArrayList<>();
            if (item.get("tags") != null && item.get("tags").isArray()) {
                item.get("tags").forEach(t -> tags.add(t.asText()));
            }
            String link = text(item.get("url")) != null ? text(item.get("url")) : text(item.get("external_url"));
            parsed.add(new FeedItem(
                    link,
                    text(item.get("title")),
                    text(item.get("content_html")),
                    text(item.get("content_text")),
                    text(item.get("summary")),
                    authors,
                    Dates.parse(text(item.get("date_published")))
                            .or(() -> Dates.parse(text(item.get("date_modified"))))
                            .orElse(null),
                    tags,
                    text(item.get("image"))));
        }
        return new ParsedFeed(
                text(feed.get("title")),
                "json_feed_" + version.substring(version.lastIndexOf('/') + 1),
                text(feed.get("language")),
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
        return html == null ? null : Jsoup.parse(html).text();
    }

    private static String text(JsonNode node) {
        return node == null
                        || node.isNull()
                        || node.isContainerNode()
                        || node.asText().isBlank()
                ? null
                : node.asText();
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message);
    }
}
