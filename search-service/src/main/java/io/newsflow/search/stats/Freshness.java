package io.newsflow.search.stats;

import java.time.Instant;
import java.util.List;

/**
 * How fresh and complete the index is.
 *
 * @param articles live articles indexed since {@code since}
 * @param delayMillis from ingest ({@code receivedAt}) to indexed ({@code indexedAt}) for those articles, by
 *     percentile; searchable up to one refresh interval (1 s) later. Null when none came in.
 * @param sources per source, most recently received first: articles in the index, articles indexed since
 *     {@code since}, the latest ingest time
 */
public record Freshness(Instant since, long articles, Percentiles delayMillis, List<Source> sources) {

    public record Percentiles(Double p50, Double p95, Double p99) {}

    public record Source(String source, long articles, long lastHour, Instant latestReceivedAt) {}
}
