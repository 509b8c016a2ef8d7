package io.newsflow.search.trend;

import java.time.Instant;
import java.util.List;

/**
 * How often the top topics or entities appeared per interval, and which of them are rising.
 *
 * @param intervals the start of each interval, oldest first; every item's {@code counts} line up with them
 * @param top the most frequent items over the whole range, most frequent first
 * @param rising the items of {@code top} whose last interval is above the mean of the previous ones, steepest
 *     rise first
 */
public record Trends(
        String kind,
        String interval,
        Instant from,
        Instant to,
        List<Instant> intervals,
        List<Item> top,
        List<Item> rising) {

    /**
     * @param key the topic code or the entity name
     * @param label the topic label (null for entities)
     * @param counts articles per interval
     * @param last articles in the last interval
     * @param previousMean mean articles per interval before the last
     * @param rise {@code (last + 1) / (previousMean + 1)}: above 1 is rising
     */
    public record Item(
            String key, String label, long total, List<Long> counts, long last, double previousMean, double rise) {

        static Item of(String key, String label, long total, List<Long> counts) {
            long last = counts.isEmpty() ? 0 : counts.getLast();
            double previousMean = counts.size() < 2
                    ? 0
                    : counts.subList(0, counts.size() - 1).stream()
                            .mapToLong(Long::longValue)
                            .average()
                            .orElse(0);
            double rise = Math.round((last + 1) / (previousMean + 1) * 1000) / 1000.0;
            return new Item(key, label, total, counts, last, Math.round(previousMean * 1000) / 1000.0, rise);
        }

        boolean rising() {
            return last > previousMean;
        }
    }
}
