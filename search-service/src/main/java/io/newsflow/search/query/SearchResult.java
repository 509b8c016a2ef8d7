package io.newsflow.search.query;

import java.util.List;

/**
 * A page of search results, how many articles match in all, the facets of all of them, and the cursor of the
 * next page (null on the last one).
 */
public record SearchResult(long total, List<SearchItem> items, Facets facets, String nextCursor) {

    /** The most frequent values among all matching articles, with how many articles have each. */
    public record Facets(
            List<TopicCount> topics,
            List<Count> people,
            List<Count> organizations,
            List<Count> locations,
            List<Count> sources,
            List<Count> languages) {}

    public record Count(String value, long count) {}

    public record TopicCount(String code, String label, long count) {}
}
