package io.newsflow.ingest.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A feed polled for a source, with when to poll it next and how its polls have gone. */
@Entity
@Table(name = "feed_subscription")
public class FeedSubscriptionEntity {

    @Id
    public UUID id;

    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public boolean enabled;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "interval_seconds", nullable = false)
    public int intervalSeconds;

    @Column(name = "next_poll_at", nullable = false)
    public Instant nextPollAt;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "items_seen", nullable = false)
    public long itemsSeen;

    @Column(name = "last_new_items", nullable = false)
    public int lastNewItems;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
