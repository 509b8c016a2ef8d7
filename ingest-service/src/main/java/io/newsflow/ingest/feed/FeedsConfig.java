package io.newsflow.ingest.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How subscribed feeds are polled ({@code newsflow.feeds.*}). */
@ConfigMapping(prefix = "newsflow.feeds")
public interface FeedsConfig {

    /** The first interval of a new subscription. */
    @WithDefault("5m")
    Duration initialInterval();

    /** A feed with new items at every poll is polled at most this often. */
    @WithDefault("1m")
    Duration minInterval();

    /** A feed that never changes is still polled this often. */
    @WithDefault("1h")
    Duration maxInterval();

    /** Consecutive failed polls after which a subscription is disabled until an operator enables it. */
    @WithDefault("10")
    int disableAfterFailures();

    /** The least time between two requests to the same host. */
    @WithDefault("2s")
    Duration hostDelay();

    /** How often the poller looks for due feeds. */
    @WithDefault("5s")
    String tick();

    /** How long after start-up the poller first looks. */
    @WithDefault("10s")
    String firstTickDelay();

    /**
     * Hosts ({@code host} or {@code host:port}) feeds may be fetched from although they are not public: for
     * tests and trusted intranets only (see {@link FeedUrlGuard}).
     */
    Optional<List<String>> allowedHosts();

    /** How many due feeds one round of the poller takes. */
    @WithDefault("50")
    int batchSize();
}
