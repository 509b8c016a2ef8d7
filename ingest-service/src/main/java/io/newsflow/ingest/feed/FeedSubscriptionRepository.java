package io.newsflow.ingest.feed;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeedSubscriptionRepository implements PanacheRepositoryBase<FeedSubscriptionEntity, UUID> {

    @WithSession
    public Uni<List<FeedSubscriptionEntity>> due(Instant now, int limit) {
        return find("enabled = true and nextPollAt <= ?1", Sort.by("nextPollAt"), now)
                .page(0, limit)
                .list();
    }

    /** Every subscription, failing and disabled ones first: what an operator looks at first. */
    @WithSession
    public Uni<List<FeedSubscriptionEntity>> health() {
        return listAll(Sort.by("enabled")
                .and("consecutiveFailures", Sort.Direction.Descending)
                .and("url"));
    }

    /** Feeds whose last poll failed, the disabled ones included. */
    @WithSession
    public Uni<Long> countFailing() {
        return count("consecutiveFailures > 0");
    }

    @WithSession
    public Uni<List<FeedSubscriptionEntity>> ofSource(UUID sourceId) {
        return list("sourceId", Sort.by("url"), sourceId);
    }

    @WithSession
    public Uni<FeedSubscriptionEntity> findOne(UUID id) {
        return findById(id);
    }

    @WithTransaction
    public Uni<FeedSubscriptionEntity> add(FeedSubscriptionEntity subscription) {
        return persist(subscription);
    }

    @WithTransaction
    public Uni<Boolean> remove(UUID id) {
        return deleteById(id);
    }

    /** Applies {@code change} to the stored subscription in one transaction; null when it is gone. */
    @WithTransaction
    public Uni<FeedSubscriptionEntity> update(UUID id, java.util.function.Consumer<FeedSubscriptionEntity> change) {
        return findById(id).map(subscription -> {
            if (subscription != null) {
                change.accept(subscription);
            }
            return subscription;
        });
    }
}
