package io.newsflow.search.messaging;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    IndexingConsumer(ArticleIndex index, @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters) {
        this.index = index;
        this.deadLetters = deadLetters;
    }

    @Incoming(INCOMING)
    @Blocking
    public void index(ConsumerRecords<String, String> batch) throws InterruptedException {
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
                deadLetter(record, e.getMessage(), InvalidEventException.class.getSimpleName());
            }
        }
        // an article deleted later in the batch than its last version is not indexed, only deleted
        documents.removeIf(document -> deleted.contains(document.id()));
        for (ArticleIndex.Rejected rejected : index.indexPatiently(documents, index.alias(), true)) {
            deadLetter(
                    recordsById.get(rejected.id()),
                    "Elasticsearch refused the document (" + rejected.status() + "): " + rejected.reason(),
                    "ElasticsearchRejection");
        }
        index.deletePatiently(deleted, index.alias());
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
