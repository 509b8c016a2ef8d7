package io.newsflow.ingest.article;

import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.commons.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleService service;

    ArticleResource(ArticleService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit an article",
            description = "Answers 202 once Kafka has acknowledged the article and the ledger has recorded it.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid article",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka or PostgreSQL unavailable: retry after Retry-After")
    public Uni<Response> submit(
            @NotNull(message = "must be a JSON object with url, title and body") @Valid ArticleSubmission article) {
        return service.ingest(article)
                .map(result -> Response.accepted(result)
                        .location(URI.create("/api/v1/articles/" + result.id()))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "What the ingest service knows of an article: versions, received times, status")
    public Uni<ArticleStatus> status(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "must be an article id (a UUID)");
        }
        return service.status(uuid).map(status -> {
            if (status == null) {
                throw new NotFoundException("No article with id " + id);
            }
            return status;
        });
    }
}
