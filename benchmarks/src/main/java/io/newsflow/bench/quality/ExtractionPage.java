package io.newsflow.bench.quality;

import java.util.List;

/**
 * One page of an extraction benchmark: its HTML and what a good extractor should return. The Zyte set gives the
 * whole expected text ({@code expected}); the trafilatura set gives snippets that must ({@code with}) or must not
 * ({@code without}) appear.
 */
record ExtractionPage(String id, String url, String html, String expected, List<String> with, List<String> without) {}
