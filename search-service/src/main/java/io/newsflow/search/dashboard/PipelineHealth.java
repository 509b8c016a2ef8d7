package io.newsflow.search.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Everything the dashboard's pipeline panel shows, in one answer. Each part says whether its source answered:
 * a service that is down is a part with {@code available: false} and the problem, never a failed request.
 *
 * @param services each service's {@code GET /api/v1/status}, as it answered
 * @param deadLetters what went to {@code news.articles.dlq}
 * @param delay ingest to searchable over the last hour
 * @param feeds the ingest service's feed subscriptions, failing first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineHealth(
        Instant at, List<ServiceHealth> services, DeadLetters deadLetters, Delay delay, Feeds feeds) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceHealth(String service, String url, boolean available, String problem, JsonNode status) {}

    /**
     * @param count dead letters written to the topic (its end offsets)
     * @param latest the newest few, newest first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadLetters(boolean available, String problem, Long count, List<DeadLetterReason> latest) {}

    /** @param topic where the failed message came from: the stage that could not process it */
    public record DeadLetterReason(Instant at, String topic, String key, String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delay(boolean available, String problem, Long articles, Double p50Millis, Double p99Millis) {}

    /**
     * @param failing subscriptions with failures in a row, or disabled
     * @param items the first subscriptions as the ingest service lists them (failing first)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Feeds(boolean available, String problem, Integer total, Integer failing, List<JsonNode> items) {}
}
