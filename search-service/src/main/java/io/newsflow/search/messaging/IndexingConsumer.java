package io.newsflow.search.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.newsflow.commons.status.PipelineMetrics;
import io.newsflow.events.DeadLetter;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
import io.newsflow.events.InvalidEventException;
import io.newsflow.search.index.ArticleDocument;
import io.newsflow.search.index.ArticleIndex;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code news.articles.enriched} in batches and bulk-indexes each batch. The batch's offsets are
 * committed only after the bulk succeeded. While Elasticsearch fails, the batch is retried with backoff and no
 * new batch is taken, so the consumer pauses instead of dropping articles or piling them up in memory. An
 * unreadable message goes to the dead-letter topic with its reason; the rest of its batch is indexed. A tombstone
 * (null value) deletes the article.
 */
@ApplicationScoped
public class IndexingConsumer {

    public static final String INCOMING = "enriched-articles";
    public static final String DEAD_LETTERS = "dead-letters";

    private static final Logger LOG = Logger.getLogger(IndexingConsumer.class);

    private final ArticleIndex index;
    private final MutinyEmitter<String> deadLetters;
    private final Counter consumed;
    private final Counter indexed;
    private final Counter invalid;
    private final Counter refused;
    private final Timer parseTime;
    private final Timer bulkTime;
    private final DistributionSummary bulkSize;
    private final Timer delay;

    IndexingConsumer(
            ArticleIndex index, @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters, PipelineMetrics metrics) {
        this.index = index;
        this.deadLetters = deadLetters;
        this.consumed = metrics.in();
        this.indexed = metrics.out();
        // both are dead-lettered: a message that breaks the contract, a document Elasticsearch refuses for good
        this.invalid = metrics.failed("invalid");
        this.refused = metrics.failed("refused");
        this.parseTime = metrics.stage("parse");
        // retries included: while Elasticsearch is away this grows, which is the point
        this.bulkTime = metrics.stage("bulk");
        this.bulkSize = DistributionSummary.builder(metrics.name("bulk.size"))
                .description("Articles per bulk request")
                .publishPercentileHistogram()
                // a bulk is one poll: at most max.poll.records (500)
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(1000.0)
                .register(metrics.registry());
        this.delay = Timer.builder(metrics.name("delay"))
                .description("From receivedAt at the ingest service to indexed here")
                .publishPercentileHistogram()
                // the default buckets stop at 30 s; a backlog is minutes, and its p99 must still be read
                .maximumExpectedValue(Duration.ofHours(1))
                .register(metrics.registry());
    }

    @Incoming(INCOMING)
    @Blocking
    public void index(ConsumerRecords<String, String> batch) throws InterruptedException {
        consumed.increment(batch.count());
        long started = System.nanoTime();
        Instant indexedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ArticleDocument> documents = new ArrayList<>(batch.count());
        Map<String, ConsumerRecord<String, String>> recordsById = new HashMap<>();
        Set<String> deleted = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> record : batch) {
            if (record.value() == null) {
                // a tombstone on the compacted topic: the article is gone
                if (record.key() != null) {
                    deleted.add(record.key());
                }
                continue;
            }
            deleted.remove(record.key());
            try {
                EnrichedArticle article =
                        EventJson.read(record.value(), EventContract.Kind.ENRICHED_ARTICLE, EnrichedArticle.class);
                documents.add(ArticleDocument.of(article, indexedAt));
                recordsById.put(article.id(), record);
            } catch (InvalidEventException e) {
                invalid.increment();
                deadLetter(record, e.getMessage(), InvalidEventException.class.getSimpleName());
            }
        }
        // an article deleted later in the batch than its last version is not indexed, only deleted
        documents.removeIf(document -> deleted.contains(document.id()));
        long parsed = System.nanoTime();
        parseTime.record(parsed - started, TimeUnit.NANOSECONDS);
        List<ArticleIndex.Rejected> rejections = index.indexPatiently(documents, index.alias(), true);
        if (!documents.isEmpty()) {
            bulkTime.record(System.nanoTime() - parsed, TimeUnit.NANOSECONDS);
            bulkSize.record(documents.size());
            measureIndexed(documents, rejections);
        }
        for (ArticleIndex.Rejected rejected : rejections) {
            refused.increment();
            deadLetter(
                    recordsById.get(rejected.id()),
                    "Elasticsearch refused the document (" + rejected.status() + "): " + rejected.reason(),
                    "ElasticsearchRejection");
        }
        index.deletePatiently(deleted, index.alias());
    }

    /** Counts the documents Elasticsearch took, and how long after their arrival at ingest they got there. */
    private void measureIndexed(List<ArticleDocument> documents, List<ArticleIndex.Rejected> rejections) {
        long now = System.currentTimeMillis();
        Set<String> refusedIds = new HashSet<>();
        rejections.forEach(rejected -> refusedIds.add(rejected.id()));
        for (ArticleDocument document : documents) {
            if (refusedIds.contains(document.id())) {
                continue;
            }
            indexed.increment();
            if (document.receivedAt() != null) {
                delay.record(Math.max(0, now - document.receivedAt().toEpochMilli()), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, String reason, String cause) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetter.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetter.CAUSE_HEADER, cause.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetter.TOPIC_HEADER, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(
                DeadLetter.PARTITION_HEADER,
                Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetter.OFFSET_HEADER, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        deadLetters.sendMessageAndAwait(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build()));
    }
}
