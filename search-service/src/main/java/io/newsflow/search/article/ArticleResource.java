package io.newsflow.search.article;

import io.newsflow.commons.problem.Parameters;
import io.newsflow.search.query.SearchItem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles/{id}")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "The id is not a UUID")
@APIResponse(responseCode = "404", description = "No article has this id")
public class ArticleResource {

    private final ArticleService service;

    ArticleResource(ArticleService service) {
        this.service = service;
    }

    @GET
    @Blocking
    @Operation(summary = "The latest version of an article, ninjs-shaped, with its topics and entities")
    @APIResponse(responseCode = "200", description = "The article")
    public NinjsArticle article(@Parameter(description = "Article id (a UUID)") @PathParam("id") String id) {
        return NinjsArticle.of(service.article(Parameters.uuid(id, "id").toString()));
    }

    @GET
    @Path("/versions")
    @Blocking
    @Operation(summary = "Every version of an article the index has seen, newest first")
    @APIResponse(responseCode = "200", description = "The revision history")
    public ArticleVersions versions(@Parameter(description = "Article id (a UUID)") @PathParam("id") String id) {
        return service.versions(Parameters.uuid(id, "id").toString());
    }

    @GET
    @Path("/similar")
    @Blocking
    @Operation(summary = "Articles like this one: shared distinctive words, people, organizations and places")
    @APIResponse(responseCode = "200", description = "The most similar articles first")
    public List<SearchItem> similar(
            @Parameter(description = "Article id (a UUID)") @PathParam("id") String id,
            @Parameter(description = "How many, 1 to 100") @QueryParam("size") String sizeParameter) {
        int size = Parameters.integer(sizeParameter, "size", 10, 1, 100);
        return service.similar(Parameters.uuid(id, "id").toString(), size);
    }
}
