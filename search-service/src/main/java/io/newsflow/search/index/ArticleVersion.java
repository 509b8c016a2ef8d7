package io.newsflow.search.index;

import java.time.Instant;

/** One version of an article as the revision history keeps it (document id {@code <articleId>:<version>}). */
public record ArticleVersion(
        String articleId,
        int version,
        String url,
        String title,
        String summary,
        String contentHash,
        Instant publishedAt,
        Instant receivedAt,
        Instant enrichedAt,
        Instant indexedAt) {

    public static ArticleVersion of(ArticleDocument document) {
        return new ArticleVersion(
                document.id(),
                document.version(),
                document.url(),
                document.title(),
                document.summary(),
                document.contentHash(),
                document.publishedAt(),
                document.receivedAt(),
                document.enrichedAt(),
                document.indexedAt());
    }

    public String documentId() {
        return articleId + ":" + version;
    }
}
