package io.newsflow.ingest.article;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.commons.problem.Problem;
import io.newsflow.commons.problem.ServiceUnavailableException;
import io.newsflow.commons.status.PipelineMetrics;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.RawArticle;
import io.newsflow.ingest.dedup.ContentHash;
import io.newsflow.ingest.dedup.UrlCanonicalizer;
import io.newsflow.ingest.messaging.RawArticlePublisher;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Accepts articles: canonical URL and id, de-duplication against the ledger, then ledger rows and publication
 * to Kafka in one transaction that commits only after the broker's ack. A failed publication rolls the rows
 * back, so nothing marks a re-submission as a duplicate and no version number is published twice. A batch is
 * decided with one ledger look-up and recorded in one transaction; its publications go out together.
 */
// created at start, so its meters are exported before the first article or poll
@Startup
@ApplicationScoped
public class ArticleService {

    /**
     * The content hash the ledger records for a retracted article: no text hashes to it, so the article sent again
     * is a new version (and comes back), and a second retraction finds it already retracted.
     */
    static final String RETRACTED_HASH = "0".repeat(64);

    private static final int RETRY_AFTER_SECONDS = 5;
    private static final int PUBLISH_CONCURRENCY = 256;
    private static final Logger LOG = Logger.getLogger(ArticleService.class);

    private final UrlCanonicalizer canonicalizer;
    private final ArticleRepository repository;
    private final RawArticlePublisher publisher;
    private final Validator validator;
    private final Counter received;
    private final Counter invalid;
    private final Counter forbidden;
    private final Counter unavailable;
    private final Timer lookupTime;
    private final Timer publishTime;
    private final Timer batchTime;

    ArticleService(
            UrlCanonicalizer canonicalizer,
            ArticleRepository repository,
            RawArticlePublisher publisher,
            Validator validator,
            PipelineMetrics metrics) {
        this.canonicalizer = canonicalizer;
        this.repository = repository;
        this.publisher = publisher;
        this.validator = validator;
        this.received = metrics.in();
        this.invalid = metrics.failed("invalid");
        this.forbidden = metrics.failed("forbidden");
        // Kafka or PostgreSQL could not take them: the caller got a 503 (and sends them again)
        this.unavailable = metrics.failed("unavailable");
        this.lookupTime = metrics.stage("ledger-lookup");
        this.publishTime = metrics.stage("publish");
        this.batchTime = metrics.stage("batch");
    }

    /**
     * Ingests the items of one request for {@code sourceId}. Fails with {@link ServiceUnavailableException}
     * when Kafka or PostgreSQL cannot take them (what was acknowledged before stays acknowledged: a retry finds
     * it as a duplicate).
     *
     * @return one result per item, in the items' order
     */
    public Uni<List<IngestResult>> ingest(List<SubmittedItem> items, String sourceId) {
        // deferred: the Vert.x context to come back to is the one the Uni is subscribed on, which for a blocking
        // caller (NDJSON) is not the thread that calls this method
        return Uni.createFrom().deferred(() -> decideAndPublish(items, sourceId));
    }

    /** {@link #ingest} for a blocking caller (a worker thread): runs on a Vert.x context and waits for it. */
    public List<IngestResult> ingestAndWait(List<SubmittedItem> items, String sourceId) {
        List<SubmittedItem> copy = List.copyOf(items);
        try {
            return VertxContextSupport.subscribeAndAwait(() -> ingest(copy, sourceId));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<List<IngestResult>> decideAndPublish(List<SubmittedItem> items, String sourceId) {
        long started = System.nanoTime();
        received.increment(items.size());
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<IngestResult> results = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (SubmittedItem item : items) {
            try {
                candidates.add(candidate(item));
            } catch (InvalidInputException e) {
                invalid.increment();
                String url = item.article() == null ? null : item.article().url();
                results.add(IngestResult.rejected(
                        item.index(), url, Problem.of(Response.Status.BAD_REQUEST, e.getMessage(), null, e.errors())));
            }
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(sorted(results));
        }
        // the Kafka acks arrive on a producer thread; the ledger write must run on this request's context
        Executor requestContext = onCurrentContext();
        List<UUID> ids =
                candidates.stream().map(c -> UUID.fromString(c.id())).distinct().toList();

        return repository
                .findAll(ids)
                .onItemOrFailure()
                .invoke(() -> lookupTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                .onFailure()
                .transform(e -> unavailable("PostgreSQL", e))
                .flatMap(known -> {
                    Decisions decisions = decide(candidates, known, sourceId, receivedAt);
                    results.addAll(decisions.results());
                    if (decisions.toPublish().isEmpty()) {
                        forbidden.increment(decisions.forbidden());
                        return Uni.createFrom().item(sorted(results));
                    }
                    return repository
                            .recordAndPublish(
                                    known,
                                    decisions.toPublish(),
                                    decisions.statuses(),
                                    () -> publish(decisions.toPublish(), decisions.statuses(), requestContext))
                            .onFailure(ArticleRepository.ConcurrentChangeException.class)
                            .transform(e -> new ServiceUnavailableException(
                                    "Another version of one of these articles arrived at the same time; retry.", 1, e))
                            .onFailure()
                            .transform(e -> unavailable("PostgreSQL", e))
                            .invoke(() -> forbidden.increment(decisions.forbidden()))
                            .map(recorded -> sorted(results));
                })
                .onFailure()
                .invoke(() -> unavailable.increment(candidates.size()))
                .onItemOrFailure()
                .invoke(() -> batchTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
    }

    /**
     * Sends the versions, at most {@link #PUBLISH_CONCURRENCY} in flight (the emitter's buffer stays bounded),
     * and comes back to the request's Vert.x context once the broker acknowledged them all.
     */
    private Uni<Void> publish(List<RawArticle> versions, List<IngestResult.Status> statuses, Executor requestContext) {
        long started = System.nanoTime();
        return Multi.createFrom()
                .range(0, versions.size())
                .onItem()
                .transformToUni(i -> statuses.get(i) == IngestResult.Status.RETRACTED
                        // a retraction: a tombstone, and the article leaves the enriched topic and the index
                        ? publisher.retract(versions.get(i).id())
                        : publisher.publish(versions.get(i)))
                .merge(PUBLISH_CONCURRENCY)
                .collect()
                .last()
                .replaceWithVoid()
                .onItemOrFailure()
                .invoke(() -> publishTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                .onFailure()
                .transform(e -> unavailable("Kafka", e))
                .emitOn(requestContext);
    }

    public Uni<ArticleStatus> status(UUID id) {
        return repository
                .find(id)
                .flatMap(article -> article == null
                        ? Uni.createFrom().nullItem()
                        : repository.versions(id).map(versions -> ArticleStatus.of(article, versions)));
    }

    /** Validates and normalises one item, or throws naming what is wrong with it. */
    private Candidate candidate(SubmittedItem item) {
        if (item.article() == null) {
            throw new InvalidInputException(item.readErrors());
        }
        ArticleSubmission article = item.article();
        List<Problem.FieldError> errors = new ArrayList<>(validator.validate(article).stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .toList());
        boolean hasBody = article.body() != null && !article.body().isBlank();
        boolean hasHtml = article.html() != null && !article.html().isBlank();
        if (!hasBody && !hasHtml && !item.retracts()) {
            errors.add(new Problem.FieldError("body", "is required (or html)"));
        }
        if (isBlank(article.url()) && isBlank(article.uri())) {
            errors.add(new Problem.FieldError("url", "is required (or uri, the article's identity)"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new InvalidInputException(errors);
        }
        ArticleIdentity identity = identity(article);
        if (article.imageUrl() != null) {
            canonicalizer.canonicalize(article.imageUrl(), "imageUrl");
        }
        BodyFormat format =
                item.format() != null ? item.format() : hasHtml && !hasBody ? BodyFormat.HTML : BodyFormat.TEXT;
        // the hash is over the text when there is one: a page's changing chrome is not a change of the article
        String hashed = hasBody ? article.body() : article.html();
        return new Candidate(
                item.index(),
                ArticleIds.forIdentity(identity.uri()),
                identity.uri(),
                identity.url(),
                item.retracts() ? RETRACTED_HASH : ContentHash.of(blankToNull(article.title()), hashed),
                format,
                item.retracts(),
                article);
    }

    /**
     * The article's identity and web address: a web {@code uri} (or, without one, the {@code url}) is
     * canonicalised and is both; any other absolute URI ({@code urn:}, {@code tag:}) is the identity as given, beside
     * the {@code url} if there is one.
     */
    private ArticleIdentity identity(ArticleSubmission article) {
        String url = isBlank(article.url()) ? null : canonicalizer.canonicalize(article.url(), "url");
        if (isBlank(article.uri())) {
            return new ArticleIdentity(url, url);
        }
        String uri = article.uri().strip();
        if (UrlCanonicalizer.isWebAddress(uri)) {
            String canonical = canonicalizer.canonicalize(uri, "uri");
            return new ArticleIdentity(canonical, url != null ? url : canonical);
        }
        if (!UrlCanonicalizer.isAbsoluteUri(uri)) {
            throw new InvalidInputException(
                    "uri", "must be an absolute URI with a scheme, such as urn:newsml:example.org:2024:1");
        }
        return new ArticleIdentity(uri, url);
    }

    /** Decides each candidate in order, so that a URL twice in one batch is a duplicate or a new version. */
    private static Decisions decide(
            List<Candidate> candidates, Map<UUID, ArticleEntity> known, String sourceId, Instant receivedAt) {
        Map<String, Latest> latest = new HashMap<>();
        known.forEach(
                (id, row) -> latest.put(id.toString(), new Latest(row.currentVersion, row.contentHash, row.sourceId)));
        List<IngestResult> results = new ArrayList<>();
        List<RawArticle> published = new ArrayList<>();
        List<IngestResult.Status> statuses = new ArrayList<>();
        int forbidden = 0;
        for (Candidate c : candidates) {
            Latest previous = latest.get(c.id());
            if (c.retracts()) {
                IngestResult result = retraction(c, previous, sourceId);
                results.add(result);
                if (result.status() == IngestResult.Status.REJECTED
                        && result.error().status() == 403) {
                    forbidden++;
                } else if (result.version() != null && (previous == null || result.version() > previous.version())) {
                    published.add(raw(c, result.version(), sourceId, receivedAt));
                    statuses.add(IngestResult.Status.RETRACTED);
                    latest.put(c.id(), new Latest(result.version(), RETRACTED_HASH, sourceId));
                }
                continue;
            }
            if (previous != null && previous.contentHash().equals(c.hash())) {
                results.add(new IngestResult(
                        c.index(), c.id(), previous.version(), IngestResult.Status.DUPLICATE, c.url(), c.uri(), null));
                continue;
            }
            if (previous != null && !Objects.equals(previous.sourceId(), sourceId)) {
                results.add(IngestResult.rejected(
                        c.index(),
                        c.url(),
                        Problem.of(
                                Response.Status.FORBIDDEN,
                                "This article was sent by another source; only that source can change it.",
                                null,
                                List.of())));
                forbidden++;
                continue;
            }
            int version = previous == null ? 1 : previous.version() + 1;
            IngestResult.Status status = previous == null ? IngestResult.Status.ACCEPTED : IngestResult.Status.UPDATED;
            RawArticle raw = raw(c, version, sourceId, receivedAt);
            latest.put(c.id(), new Latest(version, c.hash(), sourceId));
            published.add(raw);
            statuses.add(status);
            results.add(new IngestResult(c.index(), c.id(), version, status, c.url(), c.uri(), null));
        }
        return new Decisions(results, published, statuses, forbidden);
    }

    /**
     * What a retraction does: nothing for an article never accepted (404) or sent by another source (403); nothing
     * new for one already retracted (its retraction again, idempotent); else a new version that is a retraction.
     */
    private static IngestResult retraction(Candidate c, Latest previous, String sourceId) {
        if (previous == null) {
            return IngestResult.rejected(
                    c.index(),
                    c.url(),
                    Problem.of(
                            Response.Status.NOT_FOUND,
                            "There is nothing to retract: no article with this identity (" + c.uri()
                                    + ") has been accepted.",
                            null,
                            List.of()));
        }
        if (!Objects.equals(previous.sourceId(), sourceId)) {
            return IngestResult.rejected(
                    c.index(),
                    c.url(),
                    Problem.of(
                            Response.Status.FORBIDDEN,
                            "This article was sent by another source; only that source can retract it.",
                            null,
                            List.of()));
        }
        int version = RETRACTED_HASH.equals(previous.contentHash()) ? previous.version() : previous.version() + 1;
        return new IngestResult(c.index(), c.id(), version, IngestResult.Status.RETRACTED, c.url(), c.uri(), null);
    }

    private static RawArticle raw(Candidate c, int version, String sourceId, Instant receivedAt) {
        ArticleSubmission a = c.article();
        return new RawArticle(
                RawArticle.SCHEMA_VERSION,
                c.id(),
                version,
                c.url(),
                sourceId,
                blankToNull(a.title()),
                c.format(),
                blankToNull(a.body()),
                c.format() == BodyFormat.HTML ? a.html() : null,
                blankToNull(a.summary()),
                a.authors() == null
                        ? List.of()
                        : a.authors().stream().map(String::strip).toList(),
                a.publishedAt() == null ? null : a.publishedAt().toInstant(),
                a.language() == null ? null : a.language().toLowerCase(java.util.Locale.ROOT),
                blankToNull(a.section()),
                blankToNull(a.imageUrl()),
                a.tags() == null
                        ? List.of()
                        : a.tags().stream().map(String::strip).toList(),
                a.extra() == null ? Map.of() : a.extra(),
                c.hash(),
                receivedAt,
                c.uri(),
                blankToNull(a.located()),
                a.subjects() == null
                        ? List.of()
                        : a.subjects().stream()
                                .map(subject -> new RawArticle.Subject(
                                        subject.code().strip(),
                                        blankToNull(subject.name()),
                                        blankToNull(subject.rel())))
                                .toList());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String field(ConstraintViolation<?> violation) {
        return violation
                .getPropertyPath()
                .toString()
                .replaceAll("\\.<[^>]+>", "")
                .replaceAll("<[^>]+>", "");
    }

    private static List<IngestResult> sorted(List<IngestResult> results) {
        return results.stream()
                .sorted(Comparator.comparingInt(IngestResult::index))
                .toList();
    }

    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }

    private static Throwable unavailable(String dependency, Throwable cause) {
        if (cause instanceof ServiceUnavailableException) {
            return cause;
        }
        LOG.warnf("%s failed: %s", dependency, cause.toString());
        return new ServiceUnavailableException(
                dependency + " is not available, the articles were not accepted; retry later.",
                RETRY_AFTER_SECONDS,
                cause);
    }

    /** {@code uri}: what identifies the article (its id is made from it); {@code url}: its web address, or null. */
    private record ArticleIdentity(String uri, String url) {}

    /** {@code uri} identifies the article; {@code url} is its web address, null when it has none. */
    private record Candidate(
            int index,
            String id,
            String uri,
            String url,
            String hash,
            BodyFormat format,
            boolean retracts,
            ArticleSubmission article) {}

    private record Latest(int version, String contentHash, String sourceId) {}

    private record Decisions(
            List<IngestResult> results,
            List<RawArticle> toPublish,
            List<IngestResult.Status> statuses,
            int forbidden) {}
}
