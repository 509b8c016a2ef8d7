package io.newsflow.commons.kafka;

import io.newsflow.events.TopicProvisioner;
import io.newsflow.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the contract's topics at start-up when they are missing, so the services can start in any order and
 * the enriched topic is compacted. Turn it off where topics are managed elsewhere (Strimzi KafkaTopic).
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final String bootstrapServers;
    private final boolean enabled;
    private final int partitions;
    private final short replicationFactor;

    TopicSetup(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "newsflow.kafka.provision-topics", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "newsflow.kafka.partitions", defaultValue = "3") int partitions,
            @ConfigProperty(name = "newsflow.kafka.replication-factor", defaultValue = "1") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    void onStart(@Observes StartupEvent event) throws InterruptedException, TimeoutException {
        if (!enabled) {
            return;
        }
        TopicProvisioner.ensureTopics(bootstrapServers, partitions, replicationFactor);
        LOG.infof("Topics %s, %s, %s ready on %s", Topics.RAW, Topics.ENRICHED, Topics.DEAD_LETTER, bootstrapServers);
    }
}
