package io.newsflow.search.query;

import io.newsflow.search.index.ArticleDocument;
import java.time.Instant;
import java.util.List;

/**
 * One search result.
 *
 * @param titleSource where the title came from: {@code given}, {@code page-headline}, {@code page-metadata} or
 *     {@code derived}
 * @param snippet an extract of the text, HTML-escaped, with the matched words in {@code <mark>} tags
 */
public record SearchItem(
        String id,
        String title,
        String titleSource,
        String url,
        String source,
        Instant publishedAt,
        String language,
        String snippet,
        List<Topic> topics,
        List<Entity> entities) {

    /** The item of an indexed article, with the snippet already HTML-escaped. */
    public static SearchItem of(ArticleDocument doc, String snippet) {
        return new SearchItem(
                doc.id(),
                doc.title(),
                doc.titleSource(),
                doc.url(),
                doc.sourceId(),
                doc.publishedAt(),
                doc.language(),
                snippet,
                doc.topics() == null
                        ? List.of()
                        : doc.topics().stream()
                                .map(t -> new Topic(t.code(), t.label()))
                                .toList(),
                doc.entities() == null
                        ? List.of()
                        : doc.entities().stream()
                                .map(e -> new Entity(e.type(), e.name(), e.id(), e.country()))
                                .toList());
    }

    public record Topic(String code, String label) {}

    /** A named entity: {@code type} person, organization or location; {@code id} and {@code country} when known. */
    public record Entity(String type, String name, String id, String country) {}
}
