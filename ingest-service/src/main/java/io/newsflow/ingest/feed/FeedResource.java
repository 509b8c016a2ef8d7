package io.newsflow.ingest.feed;

import io.newsflow.commons.problem.Problem;
import io.newsflow.ingest.article.ArticleService;
import io.newsflow.ingest.article.SubmittedItem;
import io.newsflow.ingest.auth.Access;
import io.newsflow.ingest.auth.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feed documents pushed by a newsroom: each item becomes an article. */
@Path("/api/v1/feeds/items")
@Tag(name = "Feeds")
@Access(Access.Role.SOURCE)
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedParser parser;
    private final ArticleService service;
    private final Caller caller;

    FeedResource(FeedParser parser, ArticleService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    /** The media types a pushed feed may have; any other type ending in +xml is read as XML too. */
    static final List<String> ACCEPTED = List.of(
            "application/rss+xml",
            "application/atom+xml",
            "application/rdf+xml",
            "application/xml",
            "text/xml",
            "application/feed+json",
            MediaType.APPLICATION_JSON);

    @POST
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @Operation(
            summary = "Submit a feed document (RSS 0.90-2.x, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.x)",
            description = "Answers 202 with one result per item, in the feed's order. Content-Type: one of "
                    + "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml, text/xml"
                    + " (or any +xml type), application/feed+json, application/json; its charset is used. An optional"
                    + " Content-Location header gives the feed's own URL, against which relative links are resolved.")
    public Response push(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Content-Location") String feedUrl,
            byte[] body) {
        if (!isAccepted(contentType)) {
            return Problem.of(
                            Response.Status.UNSUPPORTED_MEDIA_TYPE,
                            "A feed is sent as one of " + String.join(", ", ACCEPTED) + " (or any +xml type), not as "
                                    + (contentType == null || contentType.isBlank() ? "no Content-Type" : contentType)
                                    + ".",
                            "/api/v1/feeds/items",
                            List.of(new Problem.FieldError(
                                    "Content-Type", "must be one of " + String.join(", ", ACCEPTED))))
                    .toResponse();
        }
        FeedParser.ParsedFeed feed = parser.parse(body, contentType, feedUrl);
        List<SubmittedItem> items = new ArrayList<>();
        for (int i = 0; i < feed.items().size(); i++) {
            items.add(SubmittedItem.of(i, FeedArticles.of(feed, feed.items().get(i))));
        }
        if (items.isEmpty()) {
            return Response.accepted(List.of()).build();
        }
        return Response.accepted(service.ingestAndWait(items, caller.sourceId()))
                .build();
    }

    static boolean isAccepted(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return ACCEPTED.contains(type) || type.endsWith("+xml") || type.endsWith("+json");
    }
}
