package io.newsflow.search.dashboard;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/dashboard/pipeline")
@Tag(name = "Dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    private final PipelineService service;

    PipelineResource(PipelineService service) {
        this.service = service;
    }

    @GET
    @Blocking
    @Operation(
            summary = "The pipeline's health in one answer",
            description = "Each service's status (articles in/out per second, consumer lag, checks), the dead"
                    + " letters with the latest reasons, the ingest-to-searchable delay p50/p99 of the last hour"
                    + " and the feeds' health, failing first. A source that does not answer is marked"
                    + " available: false with the problem; the answer is still 200.")
    @APIResponse(responseCode = "200", description = "The parts, each available or not")
    @APIResponse(responseCode = "401", description = "The dashboard is protected and no admin key was given")
    public PipelineHealth pipeline() {
        return service.health();
    }
}
