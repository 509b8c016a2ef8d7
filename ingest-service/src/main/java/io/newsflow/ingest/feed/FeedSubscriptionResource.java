package io.newsflow.ingest.feed;

import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.commons.problem.Parameters;
import io.newsflow.ingest.auth.Access;
import io.newsflow.ingest.db.Constraints;
import io.newsflow.ingest.source.SourceRepository;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** Feeds polled on a source's behalf; admin key only. */
@Path("/api/v1/feeds/subscriptions")
@Tag(name = "Feed subscriptions")
@Access(Access.Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class FeedSubscriptionResource {

    /** What it takes to subscribe: the source the articles are for, and the feed's URL. */
    public record NewSubscription(
            @NotBlank String sourceId,
            @NotBlank @Size(max = 2048) String url) {}

    private final FeedSubscriptionRepository subscriptions;
    private final SourceRepository sources;
    private final FeedUrlGuard guard;
    private final FeedsConfig config;

    FeedSubscriptionResource(
            FeedSubscriptionRepository subscriptions,
            SourceRepository sources,
            FeedUrlGuard guard,
            FeedsConfig config) {
        this.subscriptions = subscriptions;
        this.sources = sources;
        this.guard = guard;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Subscribe a source to a feed; the feed URL must be public (no internal addresses)")
    public Response subscribe(
            @NotNull(message = "must be a JSON object with sourceId and url") @Valid NewSubscription request)
            throws Throwable {
        UUID sourceId = Parameters.uuid(request.sourceId(), "sourceId");
        URI url = guard.check(request.url(), "url");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        FeedSubscriptionEntity subscription = new FeedSubscriptionEntity();
        subscription.id = UUID.randomUUID();
        subscription.sourceId = sourceId;
        subscription.url = url.toString();
        subscription.enabled = true;
        subscription.intervalSeconds = (int) config.initialInterval().toSeconds();
        subscription.nextPollAt = now;
        subscription.consecutiveFailures = 0;
        subscription.itemsSeen = 0;
        subscription.lastNewItems = 0;
        subscription.createdAt = now;
        // the look-up of the host above blocks; the ledger is reactive: run it on a Vert.x context and wait
        return VertxContextSupport.<Response>subscribeAndAwait(() -> sources.findOne(sourceId)
                .<FeedSubscriptionEntity>flatMap(source -> {
                    if (source == null) {
                        throw new InvalidInputException("sourceId", "is not a known source");
                    }
                    return subscriptions.add(subscription);
                })
                .onFailure(Constraints::isUniqueViolation)
                .transform(e -> new WebApplicationException(
                        "This source is subscribed to this feed already", Response.Status.CONFLICT))
                .map(saved -> Response.created(URI.create("/api/v1/feeds/subscriptions/" + saved.id))
                        .entity(FeedSubscriptionView.of(saved))
                        .build()));
    }

    @GET
    @Operation(summary = "Subscriptions, all or of one source")
    public Uni<List<FeedSubscriptionView>> list(@QueryParam("sourceId") String sourceId) {
        Uni<List<FeedSubscriptionEntity>> found = sourceId == null
                ? subscriptions.health()
                : subscriptions.ofSource(Parameters.uuid(sourceId, "sourceId"));
        return found.map(all -> all.stream().map(FeedSubscriptionView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<FeedSubscriptionView> get(@PathParam("id") String id) {
        return subscriptions.findOne(Parameters.uuid(id, "id")).map(s -> {
            if (s == null) {
                throw new NotFoundException("No feed subscription with id " + id);
            }
            return FeedSubscriptionView.of(s);
        });
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a subscription again (after it was disabled for failing), polled at once")
    public Uni<FeedSubscriptionView> enable(@PathParam("id") String id) {
        return subscriptions
                .update(Parameters.uuid(id, "id"), s -> {
                    s.enabled = true;
                    s.consecutiveFailures = 0;
                    s.nextPollAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                })
                .map(s -> {
                    if (s == null) {
                        throw new NotFoundException("No feed subscription with id " + id);
                    }
                    return FeedSubscriptionView.of(s);
                });
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return subscriptions.remove(Parameters.uuid(id, "id")).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException("No feed subscription with id " + id);
            }
            return Response.noContent().build();
        });
    }
}
