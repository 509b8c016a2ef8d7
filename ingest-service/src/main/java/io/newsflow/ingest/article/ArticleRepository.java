package io.newsflow.ingest.article;

import io.newsflow.events.RawArticle;
import io.newsflow.ingest.db.Constraints;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The article ledger in PostgreSQL. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<ArticleEntity, UUID> {

    @WithSession
    public Uni<ArticleEntity> find(UUID id) {
        return findById(id);
    }

    /** The ledger rows of these ids that exist, by id. */
    @WithSession
    public Uni<Map<UUID, ArticleEntity>> findAll(List<UUID> ids) {
        return list("id in ?1", ids)
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.id, Function.identity())));
    }

    @WithSession
    public Uni<List<ArticleVersionEntity>> versions(UUID id) {
        return getSession()
                .flatMap(session -> session.createSelectionQuery(
                                "from ArticleVersionEntity where articleId = :id order by version",
                                ArticleVersionEntity.class)
                        .setParameter("id", id)
                        .getResultList());
    }

    /**
     * Records new versions and publishes them in one transaction: the rows are written and flushed first (a
     * version number is taken, and a concurrent submission of the same article fails here, before anything is
     * published), then {@code publish} runs, and the transaction commits only once it succeeded. A failed
     * publication rolls the rows back, so no version number is ever published without its ledger row, nor
     * recorded without being published (but for a commit failing after the broker's ack).
     *
     * @param known the ledger rows as they were when the versions were decided; an article known then is only
     *     updated if its version is still the same (optimistic check)
     * @param publish sends the versions to Kafka; must complete on the caller's Vert.x context
     * @throws ConcurrentChangeException (in the Uni) when a concurrent submission got there first; nothing is
     *     recorded nor published then
     */
    @WithTransaction
    public Uni<Void> recordAndPublish(
            Map<UUID, ArticleEntity> known,
            List<RawArticle> published,
            List<IngestResult.Status> statuses,
            Supplier<Uni<Void>> publish) {
        Map<UUID, RawArticle> first = new LinkedHashMap<>();
        Map<UUID, RawArticle> last = new LinkedHashMap<>();
        for (RawArticle raw : published) {
            first.putIfAbsent(UUID.fromString(raw.id()), raw);
            last.put(UUID.fromString(raw.id()), raw);
        }
        List<ArticleEntity> added = new ArrayList<>();
        Uni<Boolean> updated = Uni.createFrom().item(true);
        for (var entry : last.entrySet()) {
            ArticleEntity before = known.get(entry.getKey());
            RawArticle latest = entry.getValue();
            if (before == null) {
                added.add(row(latest, first.get(entry.getKey()).receivedAt()));
            } else {
                updated = updated.flatMap(ok -> update(
                                "currentVersion = ?1, contentHash = ?2, lastReceivedAt = ?3"
                                        + " where id = ?4 and currentVersion = ?5",
                                latest.version(),
                                latest.contentHash(),
                                latest.receivedAt(),
                                before.id,
                                before.currentVersion)
                        .map(count -> ok && count == 1));
            }
        }
        List<Object> rows = new ArrayList<>(added);
        for (int i = 0; i < published.size(); i++) {
            rows.add(versionRow(published.get(i), statuses.get(i)));
        }
        return updated.flatMap(ok -> {
                    if (!ok) {
                        return Uni.createFrom().<Void>failure(new ConcurrentChangeException());
                    }
                    return getSession()
                            .flatMap(session ->
                                    session.persistAll(rows.toArray()).call(session::flush))
                            .onFailure(Constraints::isUniqueViolation)
                            .transform(e -> new ConcurrentChangeException());
                })
                .call(() -> publish.get());
    }

    /** Another submission recorded a version of the same article meanwhile. */
    public static class ConcurrentChangeException extends RuntimeException {
        ConcurrentChangeException() {
            super("an article changed while this batch was recorded");
        }
    }

    private static ArticleEntity row(RawArticle raw, java.time.Instant firstReceivedAt) {
        ArticleEntity row = new ArticleEntity();
        row.id = UUID.fromString(raw.id());
        row.identity = raw.identity();
        row.url = raw.identity().equals(raw.url()) ? null : raw.url();
        row.sourceId = raw.sourceId();
        row.currentVersion = raw.version();
        row.contentHash = raw.contentHash();
        row.firstReceivedAt = firstReceivedAt;
        row.lastReceivedAt = raw.receivedAt();
        return row;
    }

    private static ArticleVersionEntity versionRow(RawArticle raw, IngestResult.Status status) {
        ArticleVersionEntity row = new ArticleVersionEntity();
        row.articleId = UUID.fromString(raw.id());
        row.version = raw.version();
        row.contentHash = raw.contentHash();
        row.status = status;
        row.receivedAt = raw.receivedAt();
        return row;
    }
}
