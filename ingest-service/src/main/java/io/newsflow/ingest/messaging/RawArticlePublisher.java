package io.newsflow.ingest.messaging;

import io.micrometer.core.instrument.Counter;
import io.newsflow.commons.status.PipelineMetrics;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes accepted articles to {@code news.articles.raw}, keyed by article id, and retractions as tombstones
 * (the article's key, no value).
 */
@ApplicationScoped
public class RawArticlePublisher {

    public static final String CHANNEL = "raw-articles";

    private final MutinyEmitter<String> emitter;
    private final Counter acknowledged;

    // room for the sends of several concurrent batches (each keeps at most 256 in flight)
    RawArticlePublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> emitter,
            PipelineMetrics metrics) {
        this.emitter = emitter;
        // the ingest service's "out": on the raw topic, acknowledged by the broker
        this.acknowledged = metrics.out();
    }

    /** Completes when the broker has acknowledged the record (acks=all), fails when it has not. */
    public Uni<Void> publish(RawArticle article) {
        Message<String> message = Message.of(EventJson.write(article))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(article.id())
                        .build());
        return emitter.sendMessage(message).invoke(() -> acknowledged.increment());
    }

    /**
     * A tombstone for the article: enrichment forwards it to the compacted enriched topic and search deletes the
     * article. Completes when the broker has acknowledged it.
     */
    public Uni<Void> retract(String articleId) {
        Message<String> tombstone = Message.<String>of(null)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(articleId)
                        .build());
        return emitter.sendMessage(tombstone).invoke(() -> acknowledged.increment());
    }
}
