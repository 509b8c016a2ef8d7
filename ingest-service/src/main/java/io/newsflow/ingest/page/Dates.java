package io.newsflow.ingest.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reads the dates pages and feeds write: ISO-8601 with or without offset or time, and RFC 1123. */
public final class Dates {

    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME);

    private Dates() {}

    /** The instant the text names; a date or time without a zone is taken as UTC. Empty when unreadable. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        for (DateTimeFormatter format : ZONED) {
            try {
                return Optional.of(ZonedDateTime.parse(value, format).toInstant());
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    /** The instant as the API's date-time type; dates before year 1 or after 9999 are not dates of news. */
    public static OffsetDateTime toOffsetDateTime(Instant instant) {
        OffsetDateTime time = instant.atOffset(ZoneOffset.UTC);
        return time.getYear() < 1 || time.getYear() > 9999 ? null : time;
    }
}
