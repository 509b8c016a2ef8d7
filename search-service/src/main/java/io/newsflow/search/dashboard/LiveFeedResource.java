package io.newsflow.search.dashboard;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/v1/dashboard/live")
@Tag(name = "Dashboard")
public class LiveFeedResource {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final LiveArticles articles;

    LiveFeedResource(LiveArticles articles) {
        this.articles = articles;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The newest indexed articles as server-sent events",
            description = "First the latest few, then each article as it is indexed (looked for every second),"
                    + " one JSON event each, oldest first.")
    public Multi<LiveArticle> live() {
        LiveArticles.Cursor cursor = new LiveArticles.Cursor();
        // ticks run on the worker pool, where the blocking Elasticsearch client may wait; a slow look drops the
        // ticks that come meanwhile instead of queueing them
        return Multi.createFrom()
                .ticks()
                // at once (zero is refused), so a new viewer sees the latest articles without waiting
                .startingAfter(Duration.ofMillis(1))
                .every(EVERY)
                .onOverflow()
                .drop()
                .onItem()
                .transformToIterable(tick -> articles.next(cursor));
    }
}
