package io.newsflow.ingest.feed;

import java.time.Instant;

/** A subscription and its health: last success, last error, failures in a row, items seen. */
public record FeedSubscriptionView(
        String id,
        String sourceId,
        String url,
        boolean enabled,
        int intervalSeconds,
        Instant nextPollAt,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        int consecutiveFailures,
        long itemsSeen,
        int lastNewItems,
        Instant createdAt) {

    static FeedSubscriptionView of(FeedSubscriptionEntity s) {
        return new FeedSubscriptionView(
                s.id.toString(),
                s.sourceId.toString(),
                s.url,
                s.enabled,
                s.intervalSeconds,
                s.nextPollAt,
                s.lastPolledAt,
                s.lastSuccessAt,
                s.lastErrorAt,
                s.lastError,
                s.consecutiveFailures,
                s.itemsSeen,
                s.lastNewItems,
                s.createdAt);
    }
}
