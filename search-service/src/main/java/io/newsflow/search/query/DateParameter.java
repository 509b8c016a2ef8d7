package io.newsflow.search.query;

import io.newsflow.commons.problem.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads {@code from} / {@code to} parameters: an ISO-8601 instant or a day (a whole UTC day). */
public final class DateParameter {

    private DateParameter() {}

    /** The start of the range: the instant, or the start of the day. Null when absent. */
    public static Instant from(String value, String name) {
        return parse(value, name, false);
    }

    /** The exclusive end of the range: the instant, or the start of the next day. Null when absent. */
    public static Instant to(String value, String name) {
        return parse(value, name, true);
    }

    /** @throws InvalidInputException naming {@code fromName} when the range ends before it starts */
    public static void requireOrdered(Instant from, Instant to, String fromName) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException(fromName, "must be before to");
        }
    }

    /** News has no dates outside these; beyond them date arithmetic (and Elasticsearch's dates) overflow. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant parse(String value, String name, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } else {
                instant = OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    name, "must be an ISO-8601 date-time such as 2024-05-01T10:00:00Z or a day such as 2024-05-01");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(name, "must be between the years 1900 and 9999");
        }
        return instant;
    }
}
