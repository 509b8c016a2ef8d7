package io.newsflow.search.query;

import java.util.List;

/** A page of search results and how many articles match in all. */
public record SearchResult(long total, List<SearchItem> items) {}
