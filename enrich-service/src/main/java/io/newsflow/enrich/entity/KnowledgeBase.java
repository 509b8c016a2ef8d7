package io.newsflow.enrich.entity;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The operators' knowledge base, held in memory for the enrichment of every article: an alias (as
 * {@link EntityNames#key} folds it) to the entity it names. Edits on this instance apply at once; edits made
 * through another instance within {@code newsflow.knowledge-base.refresh} (30 s).
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);

    private final KnowledgeBaseRepository repository;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), "empty");

    KnowledgeBase(KnowledgeBaseRepository repository) {
        this.repository = repository;
    }

    /** The entity an operator says this name stands for, if any. */
    public Optional<KnownEntity> lookup(String name) {
        return Optional.ofNullable(snapshot.byAlias().get(EntityNames.key(name)));
    }

    /** Which state of the knowledge base enrichment used: its latest edit time and size. */
    public String version() {
        return snapshot.version();
    }

    void onStart(@Observes StartupEvent event) {
        // Hibernate Reactive needs a Vert.x context; a start-up observer has none of its own
        VertxContextSupport.subscribe(
                () -> refresh().toMulti(),
                subscriber -> subscriber.with(
                        ignored -> LOG.infof("Knowledge base loaded: %s", version()),
                        e -> LOG.warnf("Knowledge base not loaded yet (retried every refresh): %s", e.getMessage())));
    }

    @Scheduled(
            every = "${newsflow.knowledge-base.refresh:30s}",
            delayed = "${newsflow.knowledge-base.refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh()
                .onFailure()
                .invoke(e -> LOG.warnf("Knowledge base not refreshed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }

    /** Reads the whole knowledge base again. */
    public Uni<Void> refresh() {
        return repository
                .all()
                .invoke(contents -> snapshot = snapshot(contents))
                .replaceWithVoid();
    }

    private static Snapshot snapshot(KnowledgeBaseRepository.Contents contents) {
        Map<UUID, CuratedEntity> entities =
                contents.entities().stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<String, KnownEntity> byAlias = new HashMap<>();
        for (CuratedEntity entity : contents.entities()) {
            byAlias.put(EntityNames.key(entity.name), known(entity));
        }
        for (CuratedAlias alias : contents.aliases()) {
            CuratedEntity entity = entities.get(alias.entityId);
            if (entity != null) {
                byAlias.put(alias.aliasKey, known(entity));
            }
        }
        String latest = contents.entities().stream()
                .map(e -> e.updatedAt)
                .max(Comparator.naturalOrder())
                .map(Instant::toString)
                .orElse("empty");
        return new Snapshot(
                Map.copyOf(byAlias), latest + "/" + contents.entities().size());
    }

    static KnownEntity known(CuratedEntity entity) {
        String id = entity.externalId != null ? entity.externalId : "kb:" + entity.id;
        return new KnownEntity(entity.type, entity.name, id, entity.country);
    }

    private record Snapshot(Map<String, KnownEntity> byAlias, String version) {}
}
