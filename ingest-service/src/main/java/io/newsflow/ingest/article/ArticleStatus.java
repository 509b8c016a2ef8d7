package io.newsflow.ingest.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.ingest.dedup.UrlCanonicalizer;
import java.time.Instant;
import java.util.List;

/**
 * What the ingest service knows of an article: its versions and when each arrived.
 *
 * @param url its canonical web address, if it has one
 * @param uri its identity, when that is not its web address ({@code urn:...}); null otherwise
 * @param retracted true when its newsroom took it back (its last version is a retraction); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleStatus(
        String id,
        String url,
        String uri,
        String sourceId,
        int currentVersion,
        Instant firstReceivedAt,
        Instant lastReceivedAt,
        Boolean retracted,
        List<Version> versions) {

    public record Version(int version, String contentHash, IngestResult.Status status, Instant receivedAt) {}

    static ArticleStatus of(ArticleEntity article, List<ArticleVersionEntity> versions) {
        return new ArticleStatus(
                article.id.toString(),
                UrlCanonicalizer.isWebAddress(article.identity) ? article.identity : article.url,
                UrlCanonicalizer.isWebAddress(article.identity) ? null : article.identity,
                article.sourceId,
                article.currentVersion,
                article.firstReceivedAt,
                article.lastReceivedAt,
                ArticleService.RETRACTED_HASH.equals(article.contentHash) ? Boolean.TRUE : null,
                versions.stream()
                        .map(v -> new Version(v.version, v.contentHash, v.status, v.receivedAt))
                        .toList());
    }
}
