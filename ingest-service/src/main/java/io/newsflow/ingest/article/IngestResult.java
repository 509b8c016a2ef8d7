package io.newsflow.ingest.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happened to one submitted article. */
public record IngestResult(String id, int version, Status status, String url) {

    public enum Status {
        /** First time this URL was seen: published as version 1. */
        @JsonProperty("accepted")
        ACCEPTED,
        /** Known URL, changed content: published as a new version. */
        @JsonProperty("updated")
        UPDATED,
        /** Known URL, same content: nothing published. */
        @JsonProperty("duplicate")
        DUPLICATE
    }
}
