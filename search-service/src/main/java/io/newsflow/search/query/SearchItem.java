package io.newsflow.search.query;

import java.time.Instant;

/**
 * One search result.
 *
 * @param snippet an extract of the text, HTML-escaped, with the matched words in {@code <mark>} tags
 */
public record SearchItem(
        String id, String title, String url, String source, Instant publishedAt, String language, String snippet) {}
