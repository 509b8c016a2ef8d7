package io.newsflow.ingest.feed;

import java.time.Duration;

/**
 * When to poll a feed next: the interval adapts to how often the feed has new items (halved after a poll with
 * new items, half as long again after one without, within the configured bounds), and failures back off
 * exponentially from it.
 */
public final class FeedSchedule {

    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    private final long min;
    private final long max;

    public FeedSchedule(Duration min, Duration max) {
        this.min = Math.max(1, min.toSeconds());
        this.max = Math.max(this.min, max.toSeconds());
    }

    /** The interval after a successful poll that found {@code newItems} new or changed articles. */
    public int nextInterval(int currentSeconds, int newItems) {
        long next = newItems > 0 ? currentSeconds / 2 : Math.round(currentSeconds * 1.5);
        return (int) Math.clamp(next, min, max);
    }

    /** How long to wait after the {@code failures}-th failure in a row. */
    public Duration backoff(int intervalSeconds, int failures) {
        long seconds = (long) intervalSeconds << Math.min(Math.max(failures - 1, 0), 12);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }
}
