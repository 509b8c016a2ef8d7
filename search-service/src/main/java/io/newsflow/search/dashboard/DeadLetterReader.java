package io.newsflow.search.dashboard;

import io.newsflow.events.DeadLetter;
import io.newsflow.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many messages went to the dead-letter topic (the sum of its end offsets) and the latest few with their
 * reasons (read from the end of each partition). One consumer without a group, kept between calls, so a dashboard
 * refresh costs no new connection and commits nothing.
 */
@ApplicationScoped
public class DeadLetterReader {

    static final int LATEST = 5;
    private static final int MAX_REASON_CHARACTERS = 300;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private KafkaConsumer<String, String> consumer;

    DeadLetterReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public synchronized PipelineHealth.DeadLetters read() {
        try {
            return readWith(consumer());
        } catch (KafkaException e) {
            // a broken connection is rebuilt on the next refresh
            close();
            return new PipelineHealth.DeadLetters(false, "Kafka cannot answer now", null, null);
        }
    }

    private PipelineHealth.DeadLetters readWith(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER, TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            return new PipelineHealth.DeadLetters(true, null, 0L, List.of());
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
        long count = end.values().stream().mapToLong(Long::longValue).sum();
        List<TopicPartition> withRecords = partitions.stream()
                .filter(partition -> end.get(partition) > begin.get(partition))
                .toList();
        consumer.assign(withRecords);
        for (TopicPartition partition : withRecords) {
            consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - LATEST));
        }
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!reachedEnd(consumer, withRecords, end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                records.add(record);
            }
        }
        consumer.assign(List.of());
        List<PipelineHealth.DeadLetterReason> latest = records.stream()
                .sorted(Comparator.comparingLong(ConsumerRecord<String, String>::timestamp)
                        .reversed())
                .limit(LATEST)
                .map(DeadLetterReader::reason)
                .toList();
        return new PipelineHealth.DeadLetters(true, null, count, latest);
    }

    private static boolean reachedEnd(
            KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(partition -> consumer.position(partition, TIMEOUT) >= end.get(partition));
    }

    private static PipelineHealth.DeadLetterReason reason(ConsumerRecord<String, String> record) {
        DeadLetter letter = DeadLetter.from(record);
        String reason = letter.reason();
        if (reason != null && reason.length() > MAX_REASON_CHARACTERS) {
            reason = reason.substring(0, MAX_REASON_CHARACTERS) + "…";
        }
        return new PipelineHealth.DeadLetterReason(
                Instant.ofEpochMilli(record.timestamp()), letter.topic(), letter.key(), reason);
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            ConsumerConfig.CLIENT_ID_CONFIG,
                            "search-dashboard-dead-letters",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false,
                            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                            LATEST * 10,
                            // fail fast while the broker is down instead of retrying for a minute
                            ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            (int) TIMEOUT.toMillis(),
                            ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            (int) TIMEOUT.toMillis()),
                    new StringDeserializer(),
                    new StringDeserializer());
        }
        return consumer;
    }

    @PreDestroy
    synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
            consumer = null;
        }
    }
}
