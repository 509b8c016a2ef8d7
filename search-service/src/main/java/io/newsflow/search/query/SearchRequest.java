package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.time.Instant;
import java.util.List;

/**
 * A validated search: the query text, the filters (every value given must match), the order, the page size and
 * where to continue.
 *
 * @param after the sort values of the previous page's last hit; empty for the first page
 */
public record SearchRequest(
        String q,
        List<String> topics,
        List<String> people,
        List<String> organizations,
        List<String> locations,
        List<String> entities,
        List<String> sources,
        List<String> languages,
        Instant from,
        Instant to,
        boolean duplicates,
        SearchSort sort,
        int size,
        List<FieldValue> after) {

    public boolean hasQuery() {
        return q != null && !q.isBlank();
    }
}
