package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the raw article's body holds, so enrichment knows how to find the main text. */
public enum BodyFormat {
    /** Clean article text, as a newsroom sent it. */
    @JsonProperty("text")
    TEXT,
    /** A raw HTML page; the body is in {@code html}. */
    @JsonProperty("html")
    HTML,
    /** Text a scraper pulled off a page, with the page's navigation and footers still around it. */
    @JsonProperty("scraped-text")
    SCRAPED_TEXT
}
