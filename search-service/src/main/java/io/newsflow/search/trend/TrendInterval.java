package io.newsflow.search.trend;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import io.newsflow.commons.problem.InvalidInputException;
import java.time.Duration;
import java.util.Locale;

/** The width of a trend's buckets, and how many of them a trend covers when the caller gives no range. */
public enum TrendInterval {
    HOUR(CalendarInterval.Hour, Duration.ofHours(1), 24),
    DAY(CalendarInterval.Day, Duration.ofDays(1), 7),
    WEEK(CalendarInterval.Week, Duration.ofDays(7), 8);

    /** More buckets than this in one answer is a mistake (a year by the hour), not a trend. */
    static final int MAX_BUCKETS = 400;

    final CalendarInterval calendar;
    final Duration length;
    final int defaultBuckets;

    TrendInterval(CalendarInterval calendar, Duration length, int defaultBuckets) {
        this.calendar = calendar;
        this.length = length;
        this.defaultBuckets = defaultBuckets;
    }

    static TrendInterval parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("interval", "must be hour, day or week");
        }
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
