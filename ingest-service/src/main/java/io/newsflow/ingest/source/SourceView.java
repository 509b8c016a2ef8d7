package io.newsflow.ingest.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A source as the API shows it. {@code apiKey} is there once, in the answer to its creation: only its hash is
 * kept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(String id, String name, Instant createdAt, String apiKey) {

    static SourceView of(SourceEntity source, String apiKey) {
        return new SourceView(source.id.toString(), source.name, source.createdAt, apiKey);
    }
}
