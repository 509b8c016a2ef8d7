package io.newsflow.ingest.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.newsflow.commons.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * What happened to one submitted article. In a batch, {@code index} is its position (from 0) and a rejected
 * article carries its own {@code error}.
 *
 * @param url the canonical web address, null when the article has none
 * @param uri the article's identity, when it is not its web address ({@code urn:...}); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(
        Integer index, String id, Integer version, Status status, String url, String uri, Problem error) {

    public IngestResult {
        // the identity is worth a field of its own only when it is not the web address already given
        if (uri != null && uri.equals(url)) {
            uri = null;
        }
    }

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
        /**
         * Taken back by its newsroom (a ninjs {@code pubstatus} of {@code canceled} or {@code withheld}): a tombstone
         * was published, the article leaves the search index; the ledger keeps its history.
         */
        @JsonProperty("retracted")
        RETRACTED,
        /** Not taken: see {@code error}. */
        @JsonProperty("rejected")
        REJECTED
    }

    public static IngestResult rejected(int index, String url, Problem error) {
        return new IngestResult(index, null, null, Status.REJECTED, url, null, error);
    }

    /**
     * The answer to a request that carried one article: 202 with the result, or the rejection's problem with its
     * own status.
     */
    public Response toSingleResponse() {
        if (status == Status.REJECTED) {
            return new Problem(error.type(), error.title(), error.status(), error.detail(), null, error.errors())
                    .toResponse();
        }
        return Response.accepted(new IngestResult(null, id, version, status, url, uri, error))
                .location(URI.create("/api/v1/articles/" + id))
                .build();
    }
}
