package io.newsflow.ingest.source;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<SourceEntity, UUID> {

    @WithSession
    public Uni<SourceEntity> findByKeyHash(String apiKeyHash) {
        return find("apiKeyHash", apiKeyHash).firstResult();
    }

    @WithSession
    public Uni<SourceEntity> findOne(UUID id) {
        return findById(id);
    }

    @WithSession
    public Uni<List<SourceEntity>> all() {
        return listAll(io.quarkus.panache.common.Sort.by("name"));
    }

    @WithTransaction
    public Uni<SourceEntity> add(SourceEntity source) {
        return persist(source);
    }

    @WithTransaction
    public Uni<Boolean> remove(UUID id) {
        return deleteById(id);
    }
}
