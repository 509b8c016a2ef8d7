package io.newsflow.ingest.article;

import io.newsflow.commons.problem.ServiceUnavailableException;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.RawArticle;
import io.newsflow.ingest.dedup.ContentHash;
import io.newsflow.ingest.dedup.UrlCanonicalizer;
import io.newsflow.ingest.messaging.RawArticlePublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Accepts an article: canonical URL and id, de-duplication against the ledger, publication to Kafka, and only
 * then the ledger row. The order matters: a ledger row is written only for what Kafka acknowledged, so a failed
 * publication leaves nothing that would later mark a re-submission as a duplicate.
 */
@ApplicationScoped
public class ArticleService {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final UrlCanonicalizer canonicalizer;
    private final ArticleRepository repository;
    private final RawArticlePublisher publisher;

    ArticleService(UrlCanonicalizer canonicalizer, ArticleRepository repository, RawArticlePublisher publisher) {
        this.canonicalizer = canonicalizer;
        this.repository = repository;
        this.publisher = publisher;
    }

    public Uni<IngestResult> ingest(ArticleSubmission submission) {
        String url = canonicalizer.canonicalize(submission.url(), "url");
        String id = ArticleIds.forCanonicalUrl(url);
        String hash = ContentHash.of(submission.title(), submission.body());
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // the Kafka ack arrives on a producer thread; the ledger write must run on this request's context
        Executor requestContext = onCurrentContext();

        return repository
                .find(UUID.fromString(id))
                .onFailure()
                .transform(e -> unavailable("PostgreSQL", e))
                .flatMap(previous -> {
                    if (previous != null && previous.contentHash.equals(hash)) {
                        return Uni.createFrom()
                                .item(new IngestResult(
                                        id, previous.currentVersion, IngestResult.Status.DUPLICATE, url));
                    }
                    int version = previous == null ? 1 : previous.currentVersion + 1;
                    IngestResult.Status status =
                            previous == null ? IngestResult.Status.ACCEPTED : IngestResult.Status.UPDATED;
                    RawArticle raw = new RawArticle(
                            RawArticle.SCHEMA_VERSION,
                            id,
                            version,
                            url,
                            null,
                            submission.title().strip(),
                            BodyFormat.TEXT,
                            submission.body(),
                            null,
                            null,
                            List.of(),
                            submission.publishedAt() == null
                                    ? null
                                    : submission.publishedAt().toInstant(),
                            null,
                            null,
                            null,
                            List.of(),
                            Map.of(),
                            hash,
                            receivedAt);
                    return publisher
                            .publish(raw)
                            .onFailure()
                            .transform(e -> unavailable("Kafka", e))
                            .emitOn(requestContext)
                            .flatMap(ignored -> repository
                                    .record(previous, ledgerRow(previous, raw), versionRow(raw, status))
                                    .onFailure()
                                    .transform(e -> unavailable("PostgreSQL", e)))
                            .map(recorded -> {
                                if (!recorded) {
                                    throw new ServiceUnavailableException(
                                            "Another version of this article was submitted at the same time; retry.",
                                            1,
                                            null);
                                }
                                return new IngestResult(id, version, status, url);
                            });
                });
    }

    public Uni<ArticleStatus> status(UUID id) {
        return repository
                .find(id)
                .flatMap(article -> article == null
                        ? Uni.createFrom().nullItem()
                        : repository.versions(id).map(versions -> ArticleStatus.of(article, versions)));
    }

    private static ArticleEntity ledgerRow(ArticleEntity previous, RawArticle raw) {
        ArticleEntity row = new ArticleEntity();
        row.id = UUID.fromString(raw.id());
        row.canonicalUrl = raw.url();
        row.sourceId = raw.sourceId();
        row.currentVersion = raw.version();
        row.contentHash = raw.contentHash();
        row.firstReceivedAt = previous == null ? raw.receivedAt() : previous.firstReceivedAt;
        row.lastReceivedAt = raw.receivedAt();
        return row;
    }

    private static ArticleVersionEntity versionRow(RawArticle raw, IngestResult.Status status) {
        ArticleVersionEntity row = new ArticleVersionEntity();
        row.articleId = UUID.fromString(raw.id());
        row.version = raw.version();
        row.contentHash = raw.contentHash();
        row.status = status;
        row.receivedAt = raw.receivedAt();
        return row;
    }

    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }

    private static Throwable unavailable(String dependency, Throwable cause) {
        if (cause instanceof ServiceUnavailableException) {
            return cause;
        }
        return new ServiceUnavailableException(
                dependency + " is not available, the article was not accepted; retry later.",
                RETRY_AFTER_SECONDS,
                cause);
    }
}
