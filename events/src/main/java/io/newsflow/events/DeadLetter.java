package io.newsflow.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A message on {@link Topics#DEAD_LETTER}: the failed message's key and value unchanged (so it can be
 * replayed), with where it came from and why it failed in headers. The header names are the ones SmallRye
 * Reactive Messaging's dead-letter strategy writes.
 */
public record DeadLetter(
        String topic, int partition, long offset, String reason, String cause, String key, String value) {

    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String CAUSE_HEADER = "dead-letter-cause";
    public static final String TOPIC_HEADER = "dead-letter-topic";
    public static final String PARTITION_HEADER = "dead-letter-partition";
    public static final String OFFSET_HEADER = "dead-letter-offset";

    public static DeadLetter from(ConsumerRecord<String, String> record) {
        String partition = header(record, PARTITION_HEADER);
        String offset = header(record, OFFSET_HEADER);
        return new DeadLetter(
                header(record, TOPIC_HEADER),
                partition == null ? -1 : Integer.parseInt(partition),
                offset == null ? -1 : Long.parseLong(offset),
                header(record, REASON_HEADER),
                header(record, CAUSE_HEADER),
                record.key(),
                record.value());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
