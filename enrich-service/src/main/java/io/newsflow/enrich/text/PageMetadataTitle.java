package io.newsflow.enrich.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.EnrichedArticle;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The title an HTML page gives itself: its JSON-LD article {@code headline}, its OpenGraph or Twitter title, its
 * {@code h1}, its {@code <title>}, in that order; the site's name ({@code og:site_name}, or what follows the
 * headline in the {@code <title>}) taken off.
 *
 * <p>Stateless and thread-safe.
 */
public final class PageMetadataTitle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 1000;
    private static final String[] SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "};

    private PageMetadataTitle() {}

    public static Optional<ArticleTitle> of(String html, String url) {
        if (html == null || html.isBlank()) {
            return Optional.empty();
        }
        return of(Jsoup.parse(html, url == null ? "" : url));
    }

    public static Optional<ArticleTitle> of(Document page) {
        String siteName = meta(page, "property", "og:site_name");
        String headline = jsonLdHeadline(page);
        if (headline == null) {
            headline = first(meta(page, "property", "og:title"), meta(page, "name", "twitter:title"));
        }
        if (headline != null) {
            return Optional.of(title(withoutSiteName(headline, siteName), EnrichedArticle.TITLE_PAGE_METADATA));
        }
        Element h1 = page.selectFirst("h1");
        String heading = h1 == null ? null : TextBlocks.collapse(h1.text());
        String title = TextBlocks.collapse(page.title());
        if (heading != null && heading.length() >= 3 && (title.isEmpty() || contains(title, heading))) {
            // the page's main heading, which its <title> repeats (with the site's name)
            return Optional.of(title(heading, EnrichedArticle.TITLE_PAGE_HEADLINE));
        }
        if (!title.isEmpty()) {
            return Optional.of(title(withoutSiteName(title, siteName), EnrichedArticle.TITLE_PAGE_METADATA));
        }
        return heading == null || heading.isEmpty()
                ? Optional.empty()
                : Optional.of(title(heading, EnrichedArticle.TITLE_PAGE_HEADLINE));
    }

    private static ArticleTitle title(String text, String source) {
        String collapsed = TextBlocks.collapse(text);
        return new ArticleTitle(
                collapsed.length() > MAX_LENGTH ? collapsed.substring(0, MAX_LENGTH) : collapsed, source);
    }

    /** "Headline | Site" less the site: the named site, else a last part of a few words after a separator. */
    static String withoutSiteName(String title, String siteName) {
        String collapsed = TextBlocks.collapse(title);
        for (String separator : SEPARATORS) {
            int at = collapsed.lastIndexOf(separator);
            if (at <= 0) {
                continue;
            }
            String head = collapsed.substring(0, at).strip();
            String tail = collapsed.substring(at + separator.length()).strip();
            boolean named = siteName != null && !siteName.isBlank() && contains(tail, siteName.strip());
            if (named || (tail.split("\\s+").length <= 3 && head.split("\\s+").length >= 3)) {
                return withoutSiteName(head, siteName);
            }
        }
        return collapsed;
    }

    private static boolean contains(String outer, String inner) {
        return outer.toLowerCase(Locale.ROOT).contains(inner.toLowerCase(Locale.ROOT));
    }

    private static String jsonLdHeadline(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                String found = headline(JSON.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (IOException | RuntimeException malformed) {
                // a page's broken JSON-LD says nothing
            }
        }
        return null;
    }

    /** The {@code headline} of the first node that has one, in an array or an {@code @graph} too. */
    private static String headline(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                String found = headline(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        JsonNode headline = node.get("headline");
        if (headline != null && headline.isTextual() && !headline.asText().isBlank()) {
            return headline.asText().strip();
        }
        return headline(node.get("@graph"));
    }

    private static String meta(Document page, String attribute, String value) {
        Element meta = page.selectFirst("meta[" + attribute + "=" + value + "]");
        return meta == null ? null : meta.attr("content");
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
