package io.newsflow.ingest.source;

import io.newsflow.commons.problem.Parameters;
import io.newsflow.ingest.auth.Access;
import io.newsflow.ingest.auth.ApiKeys;
import io.newsflow.ingest.db.Constraints;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sources (newsrooms) and their API keys; admin key only. */
@Path("/api/v1/sources")
@Tag(name = "Sources")
@Access(Access.Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceRepository repository;

    SourceResource(SourceRepository repository) {
        this.repository = repository;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a source; the answer holds its API key, shown this once")
    public Uni<Response> create(@NotNull(message = "must be a JSON object with a name") @Valid NewSource request) {
        String apiKey = ApiKeys.generate();
        SourceEntity source = new SourceEntity();
        source.id = UUID.randomUUID();
        source.name = request.name().strip();
        source.apiKeyHash = ApiKeys.hash(apiKey);
        source.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return repository
                .add(source)
                .map(saved -> Response.created(URI.create("/api/v1/sources/" + saved.id))
                        .entity(SourceView.of(saved, apiKey))
                        .build())
                .onFailure(Constraints::isUniqueViolation)
                .transform(e -> new WebApplicationException(
                        "A source named '" + source.name + "' exists already", Response.Status.CONFLICT));
    }

    @GET
    @Operation(summary = "All sources")
    public Uni<List<SourceView>> list() {
        return repository
                .all()
                .map(all -> all.stream().map(s -> SourceView.of(s, null)).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<SourceView> get(@PathParam("id") String id) {
        return repository.findOne(Parameters.uuid(id, "id")).map(source -> {
            if (source == null) {
                throw new NotFoundException("No source with id " + id);
            }
            return SourceView.of(source, null);
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a source: its key stops working; its articles stay")
    public Uni<Response> delete(@PathParam("id") String id) {
        return repository.remove(Parameters.uuid(id, "id")).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException("No source with id " + id);
            }
            return Response.noContent().build();
        });
    }
}
