package io.newsflow.search.stats;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats/freshness")
@Tag(name = "Stats")
@Produces(MediaType.APPLICATION_JSON)
public class FreshnessResource {

    private final FreshnessService service;

    FreshnessResource(FreshnessService service) {
        this.service = service;
    }

    @GET
    @Blocking
    @Operation(
            summary = "How fresh and complete the index is",
            description = "Ingest-to-index delay percentiles (p50, p95, p99) of the articles indexed in the last"
                    + " hour, and per source how many articles the index has and when the latest came in.")
    @APIResponse(responseCode = "200", description = "The delays and the per-source counts")
    public Freshness freshness() {
        return service.freshness();
    }
}
