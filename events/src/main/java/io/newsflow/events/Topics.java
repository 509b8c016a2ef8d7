package io.newsflow.events;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The Kafka topics between the services, and how each one is configured. */
public final class Topics {

    /** Articles as the ingest service accepted them, keyed by article id. */
    public static final String RAW = "news.articles.raw";

    /**
     * Enriched articles, keyed by article id. Log-compacted: the latest version of every article stays on
     * it forever, so the search index can be rebuilt from offset 0.
     */
    public static final String ENRICHED = "news.articles.enriched";

    /** Messages a consumer could not process, unchanged, with the reason in {@link DeadLetter} headers. */
    public static final String DEAD_LETTER = "news.articles.dlq";

    private Topics() {}

    /** The three topics with the given partition count and replication factor. */
    public static List<NewTopic> definitions(int partitions, short replicationFactor) {
        return List.of(
                new NewTopic(RAW, partitions, replicationFactor),
                new NewTopic(ENRICHED, partitions, replicationFactor)
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT,
                                // a retracted article is a tombstone: kept delete.retention.ms (a day by default)
                                // after compaction, so a consumer that was away sees it
                                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                                "60000")),
                new NewTopic(DEAD_LETTER, partitions, replicationFactor));
    }
}
