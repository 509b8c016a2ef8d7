package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.commons.problem.Parameters;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/search")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final int MAX_FILTER_LENGTH = 200;

    private final SearchService service;

    SearchResource(SearchService service) {
        this.service = service;
    }

    @GET
    @Blocking
    @Operation(
            summary = "Full-text search over titles, texts and entity names",
            description = "Filters combine with AND (repeat a filter to require several values). Pages are"
                    + " walked with cursor=nextCursor until nextCursor is null; facets count all matching"
                    + " articles.")
    @APIResponse(responseCode = "200", description = "A page of results with the total and the facets")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
    @APIResponse(responseCode = "503", description = "Elasticsearch cannot answer now; retry after Retry-After")
    public SearchResult search(
            @Parameter(
                            description = "Words, \"phrases\", AND / OR / NOT, +word / -word, (groups), trailing"
                                    + " wildcards (word*); empty for every article")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "IPTC Media Topic code (medtop:11000000) or label (politics)") @QueryParam("topic")
                    List<String> topic,
            @Parameter(description = "A person's canonical name") @QueryParam("person") List<String> person,
            @Parameter(description = "An organization's canonical name") @QueryParam("organization")
                    List<String> organization,
            @Parameter(description = "A place's name, or a country's ISO code or English name (all places in it)")
                    @QueryParam("location")
                    List<String> location,
            @Parameter(description = "Any entity, by name or id (wikidata:Q30)") @QueryParam("entity")
                    List<String> entity,
            @Parameter(description = "Source id") @QueryParam("source") List<String> source,
            @Parameter(description = "ISO 639-1 language code") @QueryParam("language") List<String> language,
            @Parameter(description = "Published at or after: 2024-05-01T10:00:00Z or 2024-05-01") @QueryParam("from")
                    String from,
            @Parameter(description = "Published before: 2024-05-02T00:00:00Z, or 2024-05-01 for up to that day's end")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "false: leave out articles the enrichment marked as near-copies of another")
                    @QueryParam("duplicates")
                    @DefaultValue("true")
                    String duplicates,
            @Parameter(description = "relevance (default; newest first without q), newest or oldest")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "Results per page, 1 to 100") @QueryParam("size") String sizeParameter,
            @Parameter(description = "nextCursor of the previous page, with the same parameters otherwise")
                    @QueryParam("cursor")
                    String cursor) {
        int size = Parameters.integer(sizeParameter, "size", 10, 1, 100);
        SearchSort order = SearchSort.parse(sort);
        if (order == SearchSort.RELEVANCE && (q == null || q.isBlank())) {
            // without words there is no relevance: newest first, and a cursor that says so
            order = SearchSort.NEWEST;
        }
        Instant fromInstant = DateParameter.from(from, "from");
        Instant toInstant = DateParameter.to(to, "to");
        DateParameter.requireOrdered(fromInstant, toInstant, "from");
        List<FieldValue> after = cursor == null || cursor.isBlank() ? List.of() : Cursor.decode(cursor, order);
        return service.search(new SearchRequest(
                q,
                values(topic, "topic"),
                values(person, "person"),
                values(organization, "organization"),
                values(location, "location"),
                values(entity, "entity"),
                values(source, "source"),
                values(language, "language"),
                fromInstant,
                toInstant,
                bool(duplicates, "duplicates"),
                order,
                size,
                after));
    }

    private static List<String> values(List<String> values, String name) {
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value.length() > MAX_FILTER_LENGTH) {
                throw new InvalidInputException(name, "must be at most " + MAX_FILTER_LENGTH + " characters");
            }
        }
        return values.stream().filter(v -> !v.isBlank()).map(String::strip).toList();
    }

    private static boolean bool(String value, String name) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(name, "must be true or false");
        };
    }
}
