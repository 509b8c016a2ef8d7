package io.newsflow.ingest.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.commons.problem.Parameters;
import io.newsflow.commons.problem.Problem;
import io.newsflow.ingest.auth.Access;
import io.newsflow.ingest.auth.Caller;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    public static final String NDJSON = "application/x-ndjson";

    /** How many NDJSON articles are decided and published together. */
    private static final int CHUNK = 2000;

    private final ArticleService service;
    private final ArticleReader reader;
    private final Caller caller;
    private final int maxBatchItems;

    ArticleResource(
            ArticleService service,
            ArticleReader reader,
            Caller caller,
            @ConfigProperty(name = "newsflow.ingest.max-batch-items", defaultValue = "10000") int maxBatchItems) {
        this.service = service;
        this.reader = reader;
        this.caller = caller;
        this.maxBatchItems = maxBatchItems;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Access.Role.SOURCE)
    @Operation(
            summary = "Submit one article (a JSON object) or several (a JSON array)",
            description = "Answers 202 once Kafka has acknowledged the articles and the ledger has recorded them:"
                    + " one result for an object, an array of results (each with its index) for an array. A bad"
                    + " article in an array is rejected in its own result; the others still go through.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid article",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka or PostgreSQL unavailable: retry after Retry-After")
    public Uni<Response> submit(@NotNull(message = "must be a JSON article or an array of articles") JsonNode body) {
        String sourceId = caller.sourceId();
        if (body.isArray()) {
            if (body.isEmpty()) {
                throw new InvalidInputException("", "the array holds no article");
            }
            if (body.size() > maxBatchItems) {
                throw new InvalidInputException("", "at most " + maxBatchItems + " articles per request");
            }
            List<SubmittedItem> items = new ArrayList<>(body.size());
            for (int i = 0; i < body.size(); i++) {
                items.add(reader.read(i, body.get(i)));
            }
            return service.ingest(items, sourceId)
                    .map(results -> Response.accepted(results).build());
        }
        return service.ingest(List.of(reader.read(0, body)), sourceId)
                .map(results -> results.getFirst().toSingleResponse());
    }

    @POST
    @Consumes(NDJSON)
    @Blocking
    @Access(Access.Role.SOURCE)
    @Operation(
            summary = "Submit articles as NDJSON (one JSON article a line), streamed",
            description = "The body is read a line at a time, never whole, and taken in chunks of 2,000; answers"
                    + " 202 with one result per article (each with its index) once all are acknowledged and"
                    + " recorded. If Kafka or PostgreSQL fails midway the answer is 503 and the chunks before it"
                    + " stay taken: send the stream again, they come back as duplicates.")
    public Response submitNdjson(InputStream body) throws IOException {
        String sourceId = caller.sourceId();
        List<IngestResult> results = new ArrayList<>();
        List<SubmittedItem> chunk = new ArrayList<>(CHUNK);
        int[] count = {0};
        reader.readNdjson(body, item -> {
            // past the limit the rest of the stream is read but not taken: what came before stays taken
            if (++count[0] > maxBatchItems) {
                return;
            }
            chunk.add(item);
            if (chunk.size() == CHUNK) {
                results.addAll(service.ingestAndWait(chunk, sourceId));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            results.addAll(service.ingestAndWait(chunk, sourceId));
        }
        if (results.isEmpty()) {
            throw new InvalidInputException("", "the body holds no article");
        }
        if (count[0] > maxBatchItems) {
            results.add(IngestResult.rejected(
                    maxBatchItems,
                    null,
                    Problem.of(
                            Response.Status.BAD_REQUEST,
                            "At most " + maxBatchItems + " articles are taken per request; the "
                                    + (count[0] - maxBatchItems) + " after them were not. Send them again.",
                            null,
                            List.of())));
        }
        return Response.accepted(results).build();
    }

    @GET
    @Path("/{id}")
    @Access(Access.Role.ADMIN_OR_SOURCE)
    @Operation(summary = "What the ingest service knows of an article: versions, received times, status")
    public Uni<ArticleStatus> status(@PathParam("id") String id) {
        return service.status(Parameters.uuid(id, "id")).map(status -> {
            if (status == null) {
                throw new NotFoundException("No article with id " + id);
            }
            if (!caller.mayAccess(status.sourceId())) {
                throw new ForbiddenException("This article belongs to another source.");
            }
            return status;
        });
    }
}
