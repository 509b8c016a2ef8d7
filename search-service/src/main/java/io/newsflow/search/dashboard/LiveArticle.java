package io.newsflow.search.dashboard;

import io.newsflow.search.index.ArticleDocument;
import io.newsflow.search.query.SearchItem;
import java.time.Instant;
import java.util.List;

/** A newly indexed article as the live feed shows it: headline, source, topics, entities. */
public record LiveArticle(
        String id,
        String title,
        String url,
        String source,
        Instant publishedAt,
        Instant indexedAt,
        List<SearchItem.Topic> topics,
        List<SearchItem.Entity> entities) {

    static LiveArticle of(ArticleDocument doc) {
        return new LiveArticle(
                doc.id(),
                doc.title(),
                doc.url(),
                doc.sourceId(),
                doc.publishedAt(),
                doc.indexedAt(),
                doc.topics() == null
                        ? List.of()
                        : doc.topics().stream()
                                .map(t -> new SearchItem.Topic(t.code(), t.label()))
                                .toList(),
                doc.entities() == null
                        ? List.of()
                        : doc.entities().stream()
                                .map(e -> new SearchItem.Entity(e.type(), e.name(), e.id(), e.country()))
                                .toList());
    }
}
