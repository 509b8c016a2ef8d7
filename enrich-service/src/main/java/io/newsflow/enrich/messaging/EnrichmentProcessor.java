package io.newsflow.enrich.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.newsflow.commons.status.PipelineMetrics;
import io.newsflow.enrich.dedup.NearDuplicateIndex;
import io.newsflow.enrich.dedup.StoryMatch;
import io.newsflow.enrich.pipeline.ArticleAnalysis;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.text.SourceChrome;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.RawArticle;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Consumes {@code news.articles.raw} and publishes to {@code news.articles.enriched}, keyed by article id. A raw
 * offset is committed only after the enriched record is acknowledged; a message that cannot be read or enriched
 * fails here and goes to the dead-letter topic with the reason (see application.properties), once, no retry loop.
 *
 * <p>Enrichment is CPU work (the NER model above all), so it runs on worker threads; the channel's
 * {@code concurrency} runs one consumer per partition, each handling its articles one after the other, so the
 * articles of one key are enriched in the order they were sent while the consumers share both cores.
 */
@ApplicationScoped
public class EnrichmentProcessor {

    public static final String INCOMING = "raw-articles";
    public static final String OUTGOING = "enriched-articles";

    private static final Logger LOG = Logger.getLogger(EnrichmentProcessor.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final ArticleEnricher enricher;
    private final NearDuplicateIndex duplicates;
    private final SourceChrome sourceChrome;
    private final Counter consumed;
    private final Counter enrichedOut;
    private final Counter invalid;
    private final Counter failed;
    private final Timer duplicatesTime;
    private final Timer articleTime;

    EnrichmentProcessor(
            ArticleEnricher enricher,
            NearDuplicateIndex duplicates,
            SourceChrome sourceChrome,
            PipelineMetrics metrics) {
        this.enricher = enricher;
        this.duplicates = duplicates;
        this.sourceChrome = sourceChrome;
        this.consumed = metrics.in();
        this.enrichedOut = metrics.out();
        // both go to the dead-letter topic: a message that breaks the contract, or one whose enrichment threw
        this.invalid = metrics.failed("invalid");
        this.failed = metrics.failed("error");
        this.duplicatesTime = metrics.stage("duplicates");
        this.articleTime = metrics.stage("article");
    }

    @Incoming(INCOMING)
    @Outgoing(OUTGOING)
    public Uni<Record<String, String>> process(Record<String, String> record) {
        consumed.increment();
        if (record.value() == null && record.key() != null) {
            // a retracted article (a tombstone on the raw topic): it leaves the enriched topic, and so the index, too,
            // and the near-duplicate index forgets it
            return duplicates
                    .forget(record.key())
                    .onFailure()
                    .recoverWithItem(e -> {
                        LOG.warnf("Could not forget the signature of retracted article %s: %s", record.key(), e);
                        return false;
                    })
                    .replaceWith(Record.of(record.key(), (String) null));
        }
        String payload = record.value();
        long started = System.nanoTime();
        // each consumer takes its next article only when this one is published (per-key order); the analysis runs
        // on a worker thread, the near-duplicate check on PostgreSQL's client without holding one
        return Uni.createFrom()
                .item(() -> EventJson.read(payload, EventContract.Kind.RAW_ARTICLE, RawArticle.class))
                .chain(raw -> sourceChrome
                        .known(raw.sourceId(), raw.id())
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(chrome -> new Analysed(raw, enricher.analyse(raw, chrome))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .call(this::learnChrome)
                .chain(analysed -> story(analysed).map(story -> {
                    EnrichedArticle enriched = enricher.enriched(analysed.raw(), analysed.analysis(), story);
                    return Record.of(enriched.id(), EventJson.write(enriched));
                }))
                .onItem()
                .invoke(() -> {
                    enrichedOut.increment();
                    articleTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                })
                .onFailure()
                .invoke(e -> (e instanceof InvalidEventException ? invalid : failed).increment());
    }

    /**
     * The source's chrome memory learns the page's lines: all of a scraped page's, the extracted paragraphs of an
     * HTML page (chrome the extractor let through recurs there); clean article text teaches it nothing.
     */
    private Uni<Void> learnChrome(Analysed analysed) {
        RawArticle raw = analysed.raw();
        String page = switch (raw.format()) {
            case SCRAPED_TEXT -> raw.body();
            case HTML -> analysed.analysis().text();
            case TEXT -> null;
        };
        return sourceChrome.learn(raw.sourceId(), raw.id(), page);
    }

    private Uni<StoryMatch> story(Analysed analysed) {
        String id = analysed.raw().id();
        long started = System.nanoTime();
        return duplicates
                .record(id, analysed.analysis().text())
                .onItemOrFailure()
                .invoke(() -> duplicatesTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                .ifNoItem()
                .after(STORE_TIMEOUT)
                .fail()
                .onFailure()
                .recoverWithItem(e -> {
                    // the article is worth more than its near-duplicate link: publish it as its own story
                    LOG.warnf(
                            "Near-duplicate check unavailable for article %s, published as its own story: %s",
                            id, e.getMessage());
                    return StoryMatch.own(id);
                });
    }

    private record Analysed(RawArticle raw, ArticleAnalysis analysis) {}
}
