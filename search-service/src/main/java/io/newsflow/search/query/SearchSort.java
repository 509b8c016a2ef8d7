package io.newsflow.search.query;

import io.newsflow.commons.problem.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The orders a search can return: by relevance (newest first without a query), newest or oldest first. */
public enum SearchSort {
    RELEVANCE,
    NEWEST,
    OLDEST;

    /** @throws InvalidInputException naming {@code sort} for anything else */
    public static SearchSort parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "sort",
                    "must be one of "
                            + Arrays.stream(values()).map(SearchSort::parameter).collect(Collectors.joining(", ")));
        }
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
