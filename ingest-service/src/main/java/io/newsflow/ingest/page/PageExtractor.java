package io.newsflow.ingest.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a news page says about itself: title, authors, date, language, description, image, section, tags (from
 * schema.org JSON-LD, then OpenGraph and article meta tags, then the plain HTML), and a first cut of its main
 * text. The enrichment service does the deep clean-up from the raw HTML the event keeps.
 */
@ApplicationScoped
public class PageExtractor {

    public static final String NAME = "jsoup-metadata-1";

    private static final Set<String> ARTICLE_TYPES =
            Set.of("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "report");

    private final ObjectMapper mapper;

    PageExtractor(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What a page says about itself. */
    public record ExtractedPage(
            String title,
            List<String> authors,
            Instant publishedAt,
            String language,
            String summary,
            String imageUrl,
            String section,
            List<String> tags,
            String text) {}

    public ExtractedPage extract(Document page) {
        Optional<JsonNode> ld = articleJsonLd(page);
        String title = first(
                ld.map(n -> text(n.get("headline"))).orElse(null),
                meta(page, "property", "og:title"),
                meta(page, "name", "twitter:title"),
                page.title(),
                page.selectFirst("h1") == null ? null : page.selectFirst("h1").text());
        List<String> authors =
                ld.map(this::authors).filter(list -> !list.isEmpty()).orElseGet(() -> metaAuthors(page));
        Instant published = Dates.parse(first(
                        ld.map(n -> text(n.get("datePublished"))).orElse(null),
                        meta(page, "property", "article:published_time"),
                        meta(page, "itemprop", "datePublished"),
                        meta(page, "name", "pubdate"),
                        meta(page, "name", "publishdate"),
                        meta(page, "name", "date"),
                        meta(page, "name", "DC.date.issued"),
                        page.selectFirst("time[datetime]") == null
                                ? null
                                : page.selectFirst("time[datetime]").attr("datetime")))
                .orElse(null);
        String language = LanguageTags.normalise(first(
                ld.map(n -> text(n.get("inLanguage"))).orElse(null),
                page.selectFirst("html[lang]") == null
                        ? null
                        : page.selectFirst("html[lang]").attr("lang"),
                meta(page, "http-equiv", "content-language"),
                meta(page, "property", "og:locale")));
        String summary = first(meta(page, "property", "og:description"), meta(page, "name", "description"));
        String image = first(ld.map(n -> image(n.get("image"))).orElse(null), meta(page, "property", "og:image"));
        String section = first(
                ld.map(n -> text(n.get("articleSection"))).orElse(null), meta(page, "property", "article:section"));
        List<String> tags = tags(page, ld);
        return new ExtractedPage(title, authors, published, language, summary, image, section, tags, mainText(page));
    }

    /** Paragraph text of the article element (or main, or body), a blank line between paragraphs. */
    static String mainText(Document page) {
        Element root = Optional.ofNullable(page.selectFirst("[itemprop=articleBody]"))
                .or(() -> Optional.ofNullable(page.selectFirst("article")))
                .or(() -> Optional.ofNullable(page.selectFirst("main")))
                .orElse(page.body());
        if (root == null) {
            return "";
        }
        String paragraphs = root.select("p, h2, h3, li, blockquote").stream()
                .filter(e -> e.parents().stream()
                        .noneMatch(p -> p.tagName().equals("p") || p.tagName().equals("li")))
                .map(Element::text)
                .filter(t -> !t.isBlank())
                .collect(Collectors.joining("\n\n"));
        return paragraphs.isBlank() ? root.text() : paragraphs;
    }

    private Optional<JsonNode> articleJsonLd(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                Optional<JsonNode> found = findArticle(mapper.readTree(script.data()));
                if (found.isPresent()) {
                    return found;
                }
            } catch (Exception unreadable) {
                // pages ship broken JSON-LD; the other metadata still counts
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> findArticle(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<JsonNode> found = findArticle(element);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (node.isObject()) {
            JsonNode type = node.get("@type");
            List<String> types = new ArrayList<>();
            if (type != null && type.isArray()) {
                type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
            } else if (type != null) {
                types.add(type.asText().toLowerCase(Locale.ROOT));
            }
            if (types.stream().anyMatch(ARTICLE_TYPES::contains)) {
                return Optional.of(node);
            }
            return findArticle(node.get("@graph"));
        }
        return Optional.empty();
    }

    private List<String> authors(JsonNode article) {
        JsonNode author = article.get("author");
        List<String> names = new ArrayList<>();
        if (author == null) {
            return names;
        }
        for (JsonNode a : author.isArray() ? author : List.of(author)) {
            String name = a.isObject() ? text(a.get("name")) : text(a);
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static List<String> metaAuthors(Document page) {
        Set<String> names = new LinkedHashSet<>();
        for (Element meta : page.select("meta[name=author], meta[property=article:author], meta[name=byl]")) {
            String content =
                    meta.attr("content").replaceFirst("(?i)^by\\s+", "").strip();
            if (!content.isEmpty() && !content.startsWith("http")) {
                names.add(content);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> tags(Document page, Optional<JsonNode> ld) {
        Set<String> tags = new LinkedHashSet<>();
        page.select("meta[property=article:tag]")
                .forEach(m -> tags.add(m.attr("content").strip()));
        String keywords = first(
                ld.map(n -> n.get("keywords") != null && n.get("keywords").isArray()
                                ? String.join(",", toList(n.get("keywords")))
                                : text(n.get("keywords")))
                        .orElse(null),
                meta(page, "name", "keywords"),
                meta(page, "name", "news_keywords"));
        if (keywords != null) {
            Arrays.stream(keywords.split(",")).map(String::strip).forEach(tags::add);
        }
        tags.removeIf(String::isEmpty);
        return tags.stream().limit(100).toList();
    }

    private static List<String> toList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String image(JsonNode image) {
        if (image == null) {
            return null;
        }
        if (image.isArray()) {
            return image.isEmpty() ? null : image(image.get(0));
        }
        return image.isObject() ? text(image.get("url")) : text(image);
    }

    private static String meta(Document page, String attribute, String name) {
        Element meta = page.selectFirst("meta[" + attribute + "=" + name + "]");
        return meta == null ? null : meta.attr("content");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
