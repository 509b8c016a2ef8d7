package io.newsflow.ingest.feed;

import io.newsflow.ingest.auth.Access;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The health of every subscribed feed, the failing and disabled ones first; admin key only. */
@Path("/api/v1/feeds/health")
@Tag(name = "Feed subscriptions")
@Access(Access.Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class FeedHealthResource {

    private final FeedSubscriptionRepository subscriptions;

    FeedHealthResource(FeedSubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    @Operation(summary = "Every subscription's health: last success, last error, failures in a row, items seen")
    public Uni<List<FeedSubscriptionView>> health() {
        return subscriptions
                .health()
                .map(all -> all.stream().map(FeedSubscriptionView::of).toList());
    }
}
