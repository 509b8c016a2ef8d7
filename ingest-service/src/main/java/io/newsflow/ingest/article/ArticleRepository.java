package io.newsflow.ingest.article;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The article ledger in PostgreSQL. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<ArticleEntity, UUID> {

    @WithSession
    public Uni<ArticleEntity> find(UUID id) {
        return findById(id);
    }

    @WithSession
    public Uni<List<ArticleVersionEntity>> versions(UUID id) {
        return findVersions(id);
    }

    /**
     * Records a version that Kafka has acknowledged. For a known article the update only applies if nobody
     * recorded another version in between (optimistic check on the version).
     *
     * @return false when a concurrent submission got there first
     */
    @WithTransaction
    public Uni<Boolean> record(ArticleEntity previous, ArticleEntity current, ArticleVersionEntity version) {
        Uni<Boolean> article = previous == null
                ? persist(current).replaceWith(true)
                : update(
                                "currentVersion = ?1, contentHash = ?2, lastReceivedAt = ?3"
                                        + " where id = ?4 and currentVersion = ?5",
                                current.currentVersion,
                                current.contentHash,
                                current.lastReceivedAt,
                                current.id,
                                previous.currentVersion)
                        .map(updated -> updated == 1);
        return article.call(recorded -> recorded
                ? getSession().flatMap(session -> session.persist(version))
                : Uni.createFrom().voidItem());
    }

    private Uni<List<ArticleVersionEntity>> findVersions(UUID id) {
        return getSession()
                .flatMap(session -> session.createSelectionQuery(
                                "from ArticleVersionEntity where articleId = :id order by version",
                                ArticleVersionEntity.class)
                        .setParameter("id", id)
                        .getResultList());
    }
}
