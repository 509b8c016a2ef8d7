package io.newsflow.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the contract's topics when they are missing, so that every service can start first and the
 * enriched topic is always compacted (an auto-created topic would not be).
 */
public final class TopicProvisioner {

    private TopicProvisioner() {}

    /** Creates each of {@link Topics#definitions} that does not exist yet; existing topics are left alone. */
    public static void ensureTopics(String bootstrapServers, int partitions, short replicationFactor)
            throws InterruptedException, TimeoutException {
        List<NewTopic> topics = Topics.definitions(partitions, replicationFactor);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "Cannot create topic " + entry.getKey() + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                }
            }
        }
    }
}
