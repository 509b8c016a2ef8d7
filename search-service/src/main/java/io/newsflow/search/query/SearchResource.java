package io.newsflow.search.query;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/search")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService service;

    SearchResource(SearchService service) {
        this.service = service;
    }

    @GET
    @Blocking
    @Operation(summary = "Full-text search over titles and texts")
    public SearchResult search(
            @Parameter(description = "Query: words, \"phrases\", AND / OR / NOT; empty for every article")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "Results per page, 1 to 100")
                    @QueryParam("size")
                    @DefaultValue("10")
                    @Min(1)
                    @Max(100)
                    int size) {
        return service.search(q, size);
    }
}
