package io.newsflow.ingest.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.newsflow.commons.problem.Problem;

/**
 * What happened to one submitted article. In a batch, {@code index} is its position (from 0) and a rejected
 * article carries its own {@code error}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(Integer index, String id, Integer version, Status status, String url, Problem error) {

    public enum Status {
        /** First time this URL was seen: published as version 1. */
        @JsonProperty("accepted")
        ACCEPTED,
        /** Known URL, changed content: published as a new version. */
        @JsonProperty("updated")
        UPDATED,
        /** Known URL, same content: nothing published. */
        @JsonProperty("duplicate")
        DUPLICATE,
        /** Not taken: see {@code error}. */
        @JsonProperty("rejected")
        REJECTED
    }

    static IngestResult rejected(int index, String url, Problem error) {
        return new IngestResult(index, null, null, Status.REJECTED, url, error);
    }

    IngestResult withoutIndex() {
        return new IngestResult(null, id, version, status, url, error);
    }
}
