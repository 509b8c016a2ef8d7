package io.newsflow.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Finds a message on a topic without joining a consumer group (nothing is committed, no service's offsets move):
 * for tests and for operators checking what a service really published.
 */
public final class TopicReader {

    private TopicReader() {}

    /** The first record matching {@code wanted} that was written at or after {@code since}, or empty after {@code timeout}. */
    public static Optional<ConsumerRecord<String, String>> find(
            String bootstrapServers,
            String topic,
            Instant since,
            Duration timeout,
            Predicate<ConsumerRecord<String, String>> wanted) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            // the ends are read before the times: a partition with nothing since then starts at the end it had,
            // so a record written meanwhile is still read (a lazy seekToEnd would resolve after it and skip it)
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> since.toEpochMilli())));
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = offsets.get(partition);
                if (offset == null) {
                    consumer.seek(partition, ends.get(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (wanted.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
