package io.newsflow.search.replay;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventContract;
import io.newsflow.events.EventJson;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Topics;
import io.newsflow.search.index.ArticleDocument;
import io.newsflow.search.index.ArticleIndex;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the index from the compacted enriched topic, which holds the latest version of every article. A
 * consumer of its own (assigned partitions, no group, nothing committed) reads the topic from offset 0 into a
 * new index while the alias keeps serving the old one; then the alias switches atomically, and the consumer
 * reads what arrived meanwhile (the live consumer wrote that into the old index) up to the new end of the
 * topic. External versions make writing an article twice harmless. One rebuild at a time.
 */
@ApplicationScoped
public class Reindexer {

    private static final Logger LOG = Logger.getLogger(Reindexer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ArticleIndex index;
    private final String bootstrapServers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "reindexer"));
    private volatile ReindexProgress progress = ReindexProgress.IDLE;

    Reindexer(ArticleIndex index, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.index = index;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (index.ensureIndex()) {
            String current = index.currentIndex().orElseThrow();
            start(current, current, false);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    public ReindexProgress progress() {
        return progress;
    }

    /**
     * Starts building a new index from the topic, to switch the alias to once it has caught up.
     *
     * @throws AlreadyRunningException when a rebuild is under way
     */
    public synchronized ReindexProgress rebuild() throws IOException {
        String previous = index.currentIndex().orElse(null);
        String target = index.newIndexName();
        return start(target, previous, true);
    }

    private synchronized ReindexProgress start(String target, String previous, boolean switchAlias) throws IOException {
        if (progress.running()) {
            throw new AlreadyRunningException(progress);
        }
        index.create(target);
        progress =
                new ReindexProgress("running", target, previous, !switchAlias, 0, 0, 0, 0, Instant.now(), null, null);
        worker.submit(() -> run(target, switchAlias));
        return progress;
    }

    private void run(String target, boolean switchAlias) {
        AtomicLong messages = new AtomicLong();
        AtomicLong indexed = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                // never switch the alias to an index built from nothing
                throw new IllegalStateException(Topics.ENRICHED + " has no partitions: is the topic there?");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = 0;
            for (var entry : consumer.beginningOffsets(partitions).entrySet()) {
                total += end.get(entry.getKey()) - entry.getValue();
            }
            update(target, false, messages, total, indexed, skipped);
            readUntil(consumer, end, target, messages, total, indexed, skipped);
            if (switchAlias) {
                index.switchAlias(target);
                update(target, true, messages, total, indexed, skipped);
                readUntil(consumer, consumer.endOffsets(partitions), target, messages, total, indexed, skipped);
            }
            progress = finished(progress, "done", null);
            LOG.infof(
                    "Rebuilt %s from %s: %d articles, %d skipped",
                    target, Topics.ENRICHED, indexed.get(), skipped.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(target, switchAlias, "interrupted by shutdown");
        } catch (Exception e) {
            LOG.errorf(e, "Rebuilding %s failed", target);
            abandon(target, switchAlias, e.getMessage());
        }
    }

    /** A half-built index the alias never pointed at is of no use: it goes, and a new rebuild starts afresh. */
    private void abandon(String target, boolean switchAlias, String error) {
        progress = finished(progress, "failed", error);
        if (switchAlias && !progress.switched()) {
            try {
                index.deleteUnused(target);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Could not delete the half-built index %s: %s", target, e.getMessage());
            }
        }
    }

    private void readUntil(
            KafkaConsumer<String, String> consumer,
            Map<TopicPartition, Long> end,
            String target,
            AtomicLong messages,
            long total,
            AtomicLong indexed,
            AtomicLong skipped)
            throws InterruptedException {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            Instant indexedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<ArticleDocument> documents = new ArrayList<>();
            Set<String> deleted = new LinkedHashSet<>();
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                messages.incrementAndGet();
                if (record.value() == null) {
                    deleted.add(record.key());
                    continue;
                }
                deleted.remove(record.key());
                try {
                    EnrichedArticle article =
                            EventJson.read(record.value(), EventContract.Kind.ENRICHED_ARTICLE, EnrichedArticle.class);
                    documents.add(ArticleDocument.replayed(article, indexedAt));
                } catch (InvalidEventException e) {
                    // the live consumer dead-lettered it when it first came
                    skipped.incrementAndGet();
                }
            }
            documents.removeIf(document -> deleted.contains(document.id()));
            int refused = index.indexPatiently(documents, target, false).size();
            index.deletePatiently(deleted, target);
            skipped.addAndGet(refused);
            indexed.addAndGet(documents.size() - refused);
            update(target, progress.switched(), messages, total, indexed, skipped);
        }
    }

    private void update(
            String target, boolean switched, AtomicLong messages, long total, AtomicLong indexed, AtomicLong skipped) {
        ReindexProgress p = progress;
        progress = new ReindexProgress(
                "running",
                target,
                p.previousIndex(),
                switched || p.switched(),
                messages.get(),
                total,
                indexed.get(),
                skipped.get(),
                p.startedAt(),
                null,
                null);
    }

    private static ReindexProgress finished(ReindexProgress p, String state, String error) {
        return new ReindexProgress(
                state,
                p.index(),
                p.previousIndex(),
                p.switched(),
                p.messages(),
                p.totalMessages(),
                p.indexed(),
                p.skipped(),
                p.startedAt(),
                Instant.now(),
                error);
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        1_000,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "search-service-reindexer"),
                new StringDeserializer(),
                new StringDeserializer());
    }

    /** A rebuild was asked for while one is under way. */
    public static class AlreadyRunningException extends RuntimeException {
        private final ReindexProgress progress;

        AlreadyRunningException(ReindexProgress progress) {
            super("A rebuild into " + progress.index() + " is under way");
            this.progress = progress;
        }

        public ReindexProgress progress() {
            return progress;
        }
    }
}
