package io.newsflow.enrich.entity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The knowledge base's rows: entities and their aliases. */
@ApplicationScoped
public class KnowledgeBaseRepository {

    /** Every entity and every alias: the knowledge base is small (curated by hand) and read whole into memory. */
    @WithSession
    public Uni<Contents> all() {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("from CuratedEntity order by name", CuratedEntity.class)
                        .getResultList()
                        .chain(entities -> session.createSelectionQuery("from CuratedAlias", CuratedAlias.class)
                                .getResultList()
                                .map(aliases -> new Contents(entities, aliases))));
    }

    @WithSession
    public Uni<CuratedEntity> find(UUID id) {
        return Panache.getSession().chain(session -> session.find(CuratedEntity.class, id));
    }

    @WithSession
    public Uni<List<CuratedAlias>> aliases(UUID entityId) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "from CuratedAlias where entityId = :id order by alias", CuratedAlias.class)
                        .setParameter("id", entityId)
                        .getResultList());
    }

    /** Inserts or replaces the entity and replaces its aliases, in one transaction. */
    @WithTransaction
    public Uni<CuratedEntity> save(CuratedEntity entity, List<CuratedAlias> aliases) {
        return Panache.getSession()
                .chain(session -> session.find(CuratedEntity.class, entity.id)
                        .chain(existing -> existing == null
                                ? session.persist(entity)
                                : session.merge(entity).replaceWithVoid())
                        .chain(() -> session.createMutationQuery("delete from CuratedAlias where entityId = :id")
                                .setParameter("id", entity.id)
                                .executeUpdate())
                        .chain(() -> session.flush())
                        .chain(() -> session.persistAll(aliases.toArray()))
                        .chain(() -> session.flush())
                        .replaceWith(entity));
    }

    @WithTransaction
    public Uni<Boolean> delete(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createMutationQuery("delete from CuratedAlias where entityId = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                        .chain(() -> session.createMutationQuery("delete from CuratedEntity where id = :id")
                                .setParameter("id", id)
                                .executeUpdate()))
                .map(deleted -> deleted > 0);
    }

    public record Contents(List<CuratedEntity> entities, List<CuratedAlias> aliases) {}
}
