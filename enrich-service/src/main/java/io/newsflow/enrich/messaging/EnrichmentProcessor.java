package io.newsflow.enrich.messaging;

import io.newsflow.enrich.dedup.NearDuplicateIndex;
import io.newsflow.enrich.dedup.StoryMatch;
import io.newsflow.enrich.pipeline.ArticleAnalysis;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Consumes {@code news.articles.raw} and publishes to {@code news.articles.enriched}, keyed by article id. A raw
 * offset is committed only after the enriched record is acknowledged; a message that cannot be read or enriched
 * fails here and goes to the dead-letter topic with the reason (see application.properties), once, no retry loop.
 *
 * <p>Enrichment is CPU work (the NER model above all), so it runs on worker threads; the channel's
 * {@code concurrency} runs one consumer per core, each handling its partitions in order, so the articles of one
 * key are enriched in the order they were sent.
 */
@ApplicationScoped
public class EnrichmentProcessor {

    public static final String INCOMING = "raw-articles";
    public static final String OUTGOING = "enriched-articles";

    private static final Logger LOG = Logger.getLogger(EnrichmentProcessor.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final ArticleEnricher enricher;
    private final NearDuplicateIndex duplicates;

    EnrichmentProcessor(ArticleEnricher enricher, NearDuplicateIndex duplicates) {
        this.enricher = enricher;
        this.duplicates = duplicates;
    }

    @Incoming(INCOMING)
    @Outgoing(OUTGOING)
    @Blocking
    public Record<String, String> process(String payload) {
        RawArticle raw = EventJson.read(payload, EventContract.Kind.RAW_ARTICLE, RawArticle.class);
        ArticleAnalysis analysis = enricher.analyse(raw);
        StoryMatch story;
        try {
            story = duplicates.record(raw.id(), analysis.text()).await().atMost(STORE_TIMEOUT);
        } catch (RuntimeException e) {
            // the article is worth more than its near-duplicate link: publish it as its own story
            LOG.warnf(
                    "Near-duplicate check unavailable for article %s, published as its own story: %s",
                    raw.id(), e.getMessage());
            story = StoryMatch.own(raw.id());
        }
        EnrichedArticle enriched = enricher.enriched(raw, analysis, story);
        return Record.of(enriched.id(), EventJson.write(enriched));
    }
}
