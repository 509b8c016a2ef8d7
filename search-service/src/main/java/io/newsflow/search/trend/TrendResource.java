package io.newsflow.search.trend;

import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.commons.problem.Parameters;
import io.newsflow.search.query.DateParameter;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/trends")
@Tag(name = "Trends")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
public class TrendResource {

    private static final Map<String, String> ENTITY_FIELDS =
            Map.of("person", "people", "organization", "organizations", "location", "locations");

    private final TrendService service;

    TrendResource(TrendService service) {
        this.service = service;
    }

    @GET
    @Path("/topics")
    @Blocking
    @Operation(
            summary = "Top topics per interval, and the rising ones",
            description = "Articles per interval by publication date for the most frequent IPTC topics of the"
                    + " range; rising: the last interval above the mean of the previous ones.")
    @APIResponse(responseCode = "200", description = "The intervals, the top topics and the rising ones")
    public Trends topics(
            @Parameter(description = "hour, day (default) or week") @QueryParam("interval") String interval,
            @Parameter(
                            description = "Start: 2024-05-01T00:00:00Z or 2024-05-01; default: 24 hours, 7 days or"
                                    + " 8 weeks before to")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "End (exclusive; a day counts whole); default now") @QueryParam("to") String to,
            @Parameter(description = "How many topics, 1 to 100") @QueryParam("size") String sizeParameter) {
        int size = Parameters.integer(sizeParameter, "size", 10, 1, 100);
        TrendInterval parsed = TrendInterval.parse(interval);
        Range range = range(parsed, from, to);
        return service.topics(parsed, range.from(), range.to(), size);
    }

    @GET
    @Path("/entities")
    @Blocking
    @Operation(summary = "Top people, organizations or places per interval, and the rising ones")
    @APIResponse(responseCode = "200", description = "The intervals, the top entities and the rising ones")
    public Trends entities(
            @Parameter(description = "person, organization or location", required = true) @QueryParam("type")
                    String type,
            @Parameter(description = "hour, day (default) or week") @QueryParam("interval") String interval,
            @Parameter(
                            description = "Start: 2024-05-01T00:00:00Z or 2024-05-01; default: 24 hours, 7 days or"
                                    + " 8 weeks before to")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "End (exclusive; a day counts whole); default now") @QueryParam("to") String to,
            @Parameter(description = "How many entities, 1 to 100") @QueryParam("size") String sizeParameter) {
        int size = Parameters.integer(sizeParameter, "size", 10, 1, 100);
        String field = type == null ? null : ENTITY_FIELDS.get(type.strip());
        if (field == null) {
            throw new InvalidInputException("type", "must be person, organization or location");
        }
        TrendInterval parsed = TrendInterval.parse(interval);
        Range range = range(parsed, from, to);
        return service.entities(type.strip(), field, parsed, range.from(), range.to(), size);
    }

    private static Range range(TrendInterval interval, String fromValue, String toValue) {
        Instant to = DateParameter.to(toValue, "to");
        if (to == null) {
            to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        Instant from = DateParameter.from(fromValue, "from");
        if (from == null) {
            from = to.minus(interval.length.multipliedBy(interval.defaultBuckets));
        }
        DateParameter.requireOrdered(from, to, "from");
        if (java.time.Duration.between(from, to).dividedBy(interval.length) > TrendInterval.MAX_BUCKETS) {
            throw new InvalidInputException(
                    "from",
                    "is too far before to: at most " + TrendInterval.MAX_BUCKETS + " intervals of one "
                            + interval.parameter());
        }
        return new Range(from, to);
    }

    private record Range(Instant from, Instant to) {}
}
