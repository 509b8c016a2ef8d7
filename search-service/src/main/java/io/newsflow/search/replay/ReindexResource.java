package io.newsflow.search.replay;

import io.newsflow.commons.auth.AdminOnly;
import io.newsflow.commons.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/reindex")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "adminKey")
@AdminOnly
public class ReindexResource {

    private final Reindexer reindexer;

    ReindexResource(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @POST
    @Blocking
    @Operation(
            summary = "Rebuild the index from the enriched topic",
            description = "Builds a new index from offset 0 of the compacted enriched topic while searches keep"
                    + " using the current one, then switches the alias. Needs the admin key in X-Api-Key.")
    @APIResponse(responseCode = "202", description = "Started; follow it at GET /api/v1/admin/reindex")
    @APIResponse(responseCode = "401", description = "No admin key")
    @APIResponse(responseCode = "403", description = "Not the admin key")
    @APIResponse(responseCode = "409", description = "A rebuild is under way")
    public Response start(UriInfo uri) throws IOException {
        try {
            ReindexProgress progress = reindexer.rebuild();
            return Response.accepted(progress)
                    .location(URI.create(uri.getPath()))
                    .build();
        } catch (Reindexer.AlreadyRunningException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage(), uri.getPath(), List.of())
                    .toResponse();
        }
    }

    @GET
    @Operation(summary = "Progress of the last rebuild (admin key)")
    @APIResponse(responseCode = "200", description = "The state, counts, and whether the alias switched")
    @APIResponse(responseCode = "401", description = "No admin key")
    @APIResponse(responseCode = "403", description = "Not the admin key")
    public Response progress() {
        return Response.ok(reindexer.progress()).build();
    }
}
