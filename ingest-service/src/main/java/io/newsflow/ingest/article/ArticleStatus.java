package io.newsflow.ingest.article;

import java.time.Instant;
import java.util.List;

/** What the ingest service knows of an article: its versions and when each arrived. */
public record ArticleStatus(
        String id,
        String url,
        String sourceId,
        int currentVersion,
        Instant firstReceivedAt,
        Instant lastReceivedAt,
        List<Version> versions) {

    public record Version(int version, String contentHash, IngestResult.Status status, Instant receivedAt) {}

    static ArticleStatus of(ArticleEntity article, List<ArticleVersionEntity> versions) {
        return new ArticleStatus(
                article.id.toString(),
                article.canonicalUrl,
                article.sourceId,
                article.currentVersion,
                article.firstReceivedAt,
                article.lastReceivedAt,
                versions.stream()
                        .map(v -> new Version(v.version, v.contentHash, v.status, v.receivedAt))
                        .toList());
    }
}
