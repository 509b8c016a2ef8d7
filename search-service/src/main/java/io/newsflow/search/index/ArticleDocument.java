package io.newsflow.search.index;

import io.newsflow.events.EnrichedArticle;
import java.time.Instant;
import java.util.List;

/** An article as it is stored in the index (document id = article id). */
public record ArticleDocument(
        String id,
        int version,
        String url,
        String sourceId,
        String title,
        String body,
        String summary,
        List<String> authors,
        String section,
        List<String> tags,
        String language,
        Instant publishedAt,
        Instant receivedAt,
        Instant enrichedAt,
        Instant indexedAt,
        List<Entity> entities,
        List<Topic> topics,
        String contentHash,
        String duplicateOf,
        String storyId) {

    public record Entity(String type, String name, int mentions, double salience) {}

    public record Topic(String code, String label, double score) {}

    public static ArticleDocument of(EnrichedArticle article, Instant indexedAt) {
        return new ArticleDocument(
                article.id(),
                article.version(),
                article.url(),
                article.sourceId(),
                article.title(),
                article.body(),
                article.summary(),
                article.authors(),
                article.section(),
                article.tags(),
                article.language() == null ? null : article.language().code(),
                article.publishedAt(),
                article.receivedAt(),
                article.enrichedAt(),
                indexedAt,
                article.entities().stream()
                        .map(e -> new Entity(e.type(), e.name(), e.mentions(), e.salience()))
                        .toList(),
                article.topics().stream()
                        .map(t -> new Topic(t.code(), t.label(), t.score()))
                        .toList(),
                article.contentHash(),
                article.duplicateOf(),
                article.storyId());
    }
}
