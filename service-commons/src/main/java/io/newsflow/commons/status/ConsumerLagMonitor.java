package io.newsflow.commons.status;

import io.micrometer.core.instrument.Gauge;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How many records the service's consumer group is behind, summed over the partitions of its topic: the group's
 * committed offsets against the partitions' end offsets, asked of the broker every few seconds (never per
 * scrape) and exported as the gauge {@code newsflow.<service>.consumer.lag}. That is the whole group's lag, so
 * every instance of a service reports the same figure. A service names its consuming channel in
 * {@code newsflow.status.consumer-channel}; without one (ingest) there is no lag.
 */
@Singleton
public class ConsumerLagMonitor {

    private static final Logger LOG = Logger.getLogger(ConsumerLagMonitor.class);
    private static final long UNKNOWN = -1;
    private static final long TIMEOUT_SECONDS = 5;

    private final PipelineMetrics metrics;
    private final Optional<String> channel;
    private final Config config;
    private final AtomicLong lag = new AtomicLong(UNKNOWN);
    private Admin admin;
    private String group;
    private String topic;
    private boolean warned;

    ConsumerLagMonitor(
            PipelineMetrics metrics,
            Config config,
            @ConfigProperty(name = "newsflow.status.consumer-channel") Optional<String> channel) {
        this.metrics = metrics;
        this.config = config;
        this.channel = channel;
    }

    void onStart(@Observes StartupEvent event) {
        if (channel.isEmpty()) {
            return;
        }
        String prefix = "mp.messaging.incoming." + channel.get() + ".";
        group = config.getValue(prefix + "group.id", String.class);
        topic = config.getValue(prefix + "topic", String.class);
        String servers = config.getOptionalValue(prefix + "bootstrap.servers", String.class)
                .orElseGet(() -> config.getValue("kafka.bootstrap.servers", String.class));
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                metrics.service() + "-lag-monitor"));
        // NaN until the first sample, and while the broker cannot say: an unknown lag is not a lag of zero
        Gauge.builder(metrics.name("consumer.lag"), lag, value -> value.get() == UNKNOWN ? Double.NaN : value.get())
                .description("Records the consumer group has not committed yet, over all partitions of its topic")
                .register(metrics.registry());
    }

    /** The last sampled lag; empty for a service without a consumer, before the first sample or while unknown. */
    public OptionalLong lag() {
        long value = lag.get();
        return value == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Whether this service consumes at all: ingest has no lag to report. */
    public boolean consumes() {
        return channel.isPresent();
    }

    @Scheduled(every = "${newsflow.status.lag-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        if (admin == null) {
            return;
        }
        try {
            lag.set(measure());
            warned = false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            lag.set(UNKNOWN);
            if (!warned) {
                LOG.warnf("Consumer lag of group %s on %s unknown: %s", group, topic, e.toString());
                warned = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long measure() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicPartition partition : partitions) {
            latest.put(partition, OffsetSpec.latest());
            if (committed.get(partition) == null) {
                // the group starts a partition it never committed from the beginning (auto.offset.reset=earliest)
                earliest.put(partition, OffsetSpec.earliest());
            }
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = earliest.isEmpty()
                ? Map.of()
                : admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long total = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long position = done != null ? done.offset() : starts.get(partition).offset();
            total += Math.max(0, ends.get(partition).offset() - position);
        }
        return total;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(TIMEOUT_SECONDS));
        }
    }
}
