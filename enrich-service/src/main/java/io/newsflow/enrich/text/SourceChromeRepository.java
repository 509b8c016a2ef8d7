package io.newsflow.enrich.text;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The rows of the per-source chrome memory ({@code source_page}, {@code source_line}, migration V2). */
@ApplicationScoped
public class SourceChromeRepository {

    private static final String CHROME = """
            select line_key from enrich.source_line
            where source_id = $1 and pages >= $2 + (
                select count(*) from enrich.source_page where source_id = $1 and article_id = $3)""";
    private static final String ADD_PAGE = """
            insert into enrich.source_page (source_id, article_id, seen_at) values ($1, $2, $3)
            on conflict do nothing""";
    private static final String COUNT_LINES = """
            insert into enrich.source_line (source_id, line_key, pages, last_seen)
            select $1, k, 1, $3 from unnest($2::bigint[]) as k
            on conflict (source_id, line_key) do update
            set pages = enrich.source_line.pages + 1, last_seen = excluded.last_seen""";
    private static final String FORGET_LINES = """
            delete from enrich.source_line where source_id = $1 and (last_seen < $2 or line_key in (
                select line_key from enrich.source_line where source_id = $1
                order by pages desc, last_seen desc offset $3))""";
    private static final String FORGET_PAGES = """
            delete from enrich.source_page where source_id = $1 and article_id in (
                select article_id from enrich.source_page where source_id = $1 order by seen_at desc offset $2)""";

    private final Pool pool;

    SourceChromeRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The keys of the lines seen on at least {@code pages} pages of the source other than {@code articleId} (a
     * replayed article does not count itself).
     */
    public Uni<Set<Long>> chrome(String sourceId, UUID articleId, int pages) {
        return pool.preparedQuery(CHROME)
                .execute(Tuple.of(sourceId, pages, articleId))
                .map(rows -> {
                    Set<Long> keys = new HashSet<>();
                    for (Row row : rows) {
                        keys.add(row.getLong(0));
                    }
                    return keys;
                });
    }

    /**
     * Counts the page's line keys for its source, once per article, then forgets what is past the bounds: lines
     * not seen since {@code forgetBefore}, all but the {@code maxLines} most-seen (then latest) lines and all but
     * the {@code maxPages} latest pages of the source.
     */
    public Uni<Void> learn(
            String sourceId,
            UUID articleId,
            Collection<Long> sortedKeys,
            OffsetDateTime forgetBefore,
            int maxLines,
            int maxPages) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection
                .preparedQuery(ADD_PAGE)
                .execute(Tuple.of(sourceId, articleId, now))
                .chain(added -> added.rowCount() == 0
                        ? Uni.createFrom().voidItem()
                        : connection
                                .preparedQuery(COUNT_LINES)
                                .execute(Tuple.of(sourceId, sortedKeys.toArray(Long[]::new), now))
                                .chain(() -> connection
                                        .preparedQuery(FORGET_LINES)
                                        .execute(Tuple.of(sourceId, forgetBefore, maxLines)))
                                .chain(() ->
                                        connection.preparedQuery(FORGET_PAGES).execute(Tuple.of(sourceId, maxPages)))
                                .replaceWithVoid()));
    }
}
