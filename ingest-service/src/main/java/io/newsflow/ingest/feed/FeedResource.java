package io.newsflow.ingest.feed;

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

    @POST
    @Consumes({
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        MediaType.APPLICATION_JSON,
        "application/rdf+xml"
    })
    @Blocking
    @Operation(
            summary = "Submit a feed document (RSS 0.9x-2.0, Atom 0.3/1.0, JSON Feed 1.x)",
            description = "Answers 202 with one result per item, in the feed's order.")
    public Response push(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        FeedParser.ParsedFeed feed = parser.parse(body, contentType);
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
}
