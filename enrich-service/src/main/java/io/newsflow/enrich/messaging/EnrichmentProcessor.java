package io.newsflow.enrich.messaging;

import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Consumes {@code news.articles.raw} and publishes to {@code news.articles.enriched}, keyed by article id. A raw
 * offset is committed only after the enriched record is acknowledged; a message that cannot be read or enriched
 * fails here and goes to the dead-letter topic with the reason (see application.properties), once, no retry loop.
 */
@ApplicationScoped
public class EnrichmentProcessor {

    public static final String INCOMING = "raw-articles";
    public static final String OUTGOING = "enriched-articles";

    private final ArticleEnricher enricher;

    EnrichmentProcessor(ArticleEnricher enricher) {
        this.enricher = enricher;
    }

    @Incoming(INCOMING)
    @Outgoing(OUTGOING)
    public Record<String, String> process(String payload) {
        RawArticle raw = EventJson.read(payload, EventContract.Kind.RAW_ARTICLE, RawArticle.class);
        EnrichedArticle enriched = enricher.enrich(raw);
        return Record.of(enriched.id(), EventJson.write(enriched));
    }
}
