package io.newsflow.enrich.dedup;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The MinHash signatures of every article enriched so far, in PostgreSQL, with their LSH bands: finds the story a
 * new article belongs to. An article whose text is a near-copy ({@link MinHash#NEAR_COPY}) of an earlier one joins
 * that one's story and names it in {@code duplicateOf}; a new version of an article keeps its story.
 */
@ApplicationScoped
public class NearDuplicateIndex {

    private static final String CANDIDATES = """
            select s.article_id, s.story_id, s.minhash from enrich.article_signature s
            where s.article_id in (
                select b.article_id from enrich.article_band b
                join unnest($1::smallint[], $2::integer[]) as q(band, band_hash)
                  on b.band = q.band and b.band_hash = q.band_hash)
              and s.article_id <> $3
            order by s.created_at, s.article_id
            limit 100""";
    private static final String OWN_STORY =
            "select story_id, duplicate_of from enrich.article_signature where article_id = $1";
    private static final String UPSERT_SIGNATURE = """
            insert into enrich.article_signature (article_id, story_id, duplicate_of, minhash, created_at)
            values ($1, $2, $3, $4, $5)
            on conflict (article_id) do update set minhash = excluded.minhash""";
    /** Its bands go with it (on delete cascade). */
    private static final String DELETE_SIGNATURE = "delete from enrich.article_signature where article_id = $1";

    private static final String DELETE_BANDS = "delete from enrich.article_band where article_id = $1";
    private static final String INSERT_BANDS = """
            insert into enrich.article_band (band, band_hash, article_id)
            select band, band_hash, $3 from unnest($1::smallint[], $2::integer[]) as q(band, band_hash)
            on conflict do nothing""";

    /** Transaction-scoped locks on the article's band hashes, always taken in the same order (no deadlock). */
    private static final String LOCK_BANDS = """
            select count(pg_advisory_xact_lock(k)) from (select unnest($1::bigint[]) as k order by 1) as keys""";

    private final Pool pool;

    NearDuplicateIndex(Pool pool) {
        this.pool = pool;
    }

    /** The story a text would join, without recording anything (for {@code POST /api/v1/enrich}). */
    public Uni<StoryMatch> find(String text) {
        Optional<long[]> signature = MinHash.signature(text);
        if (signature.isEmpty()) {
            return Uni.createFrom().item(new StoryMatch(null, null));
        }
        return nearest(pool, signature.get(), new UUID(0, 0)).map(match -> match.orElse(new StoryMatch(null, null)));
    }

    /**
     * Forgets a retracted article: no later article is called a copy of it. Articles that joined its story keep the
     * story id.
     *
     * @return whether it was known
     */
    public Uni<Boolean> forget(String articleId) {
        UUID id;
        try {
            id = UUID.fromString(articleId);
        } catch (IllegalArgumentException notAnArticleId) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery(DELETE_SIGNATURE).execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    /**
     * Records the article's signature and says which story it belongs to. An article seen before (a replay, or a
     * new version of it) keeps the story decided the first time: it is never called a copy of a later article.
     */
    public Uni<StoryMatch> record(String articleId, String text) {
        Optional<long[]> signature = MinHash.signature(text);
        UUID id = UUID.fromString(articleId);
        return pool.withTransaction(connection -> connection
                // a story link lost to a crash costs little (a replay decides it again); an fsync per article costs
                // a third of the consumer's time
                .query("set local synchronous_commit = off")
                .execute()
                .chain(() -> connection.preparedQuery(OWN_STORY).execute(Tuple.of(id)))
                .chain(own -> decide(connection, own, id, articleId, signature)));
    }

    private Uni<StoryMatch> decide(
            SqlConnection connection, RowSet<Row> own, UUID id, String articleId, Optional<long[]> signature) {
        if (own.iterator().hasNext()) {
            Row row = own.iterator().next();
            UUID duplicateOf = row.getUUID("duplicate_of");
            StoryMatch known = new StoryMatch(
                    row.getUUID("story_id").toString(), duplicateOf == null ? null : duplicateOf.toString());
            return signature.isEmpty()
                    ? Uni.createFrom().item(known)
                    : store(connection, id, signature.get(), known).replaceWith(known);
        }
        if (signature.isEmpty()) {
            return Uni.createFrom().item(StoryMatch.own(articleId));
        }
        // under a lock per band, so two near-copies enriched at the same moment on two partitions (they share a
        // band) still meet, while unrelated articles do not wait for each other
        return connection
                .preparedQuery(LOCK_BANDS)
                .execute(Tuple.of(lockKeys(signature.get())))
                .chain(() -> nearest(connection, signature.get(), id))
                .map(match -> match.orElse(StoryMatch.own(articleId)))
                .call(match -> store(connection, id, signature.get(), match));
    }

    private static Uni<Optional<StoryMatch>> nearest(
            io.vertx.mutiny.sqlclient.SqlClient client, long[] minima, UUID self) {
        int[] bands = MinHash.bands(minima);
        return client.preparedQuery(CANDIDATES)
                .execute(Tuple.of(bandNumbers(), boxed(bands), self))
                .map(rows -> best(rows, minima));
    }

    private static Optional<StoryMatch> best(RowSet<Row> rows, long[] minima) {
        for (Row row : rows) {
            long[] other = MinHash.fromBytes(row.getBuffer("minhash").getBytes());
            if (MinHash.similarity(minima, other) >= MinHash.NEAR_COPY) {
                return Optional.of(new StoryMatch(
                        row.getUUID("story_id").toString(),
                        row.getUUID("article_id").toString()));
            }
        }
        return Optional.empty();
    }

    private static Uni<Void> store(SqlConnection connection, UUID id, long[] minima, StoryMatch match) {
        return connection
                .preparedQuery(UPSERT_SIGNATURE)
                .execute(Tuple.of(
                        id,
                        UUID.fromString(match.storyId()),
                        match.duplicateOf() == null ? null : UUID.fromString(match.duplicateOf()),
                        io.vertx.core.buffer.Buffer.buffer(MinHash.toBytes(minima)),
                        OffsetDateTime.now(ZoneOffset.UTC)))
                .chain(() -> connection.preparedQuery(DELETE_BANDS).execute(Tuple.of(id)))
                .chain(() -> connection
                        .preparedQuery(INSERT_BANDS)
                        .execute(Tuple.of(bandNumbers(), boxed(MinHash.bands(minima)), id)))
                .replaceWithVoid();
    }

    private static Long[] lockKeys(long[] minima) {
        int[] bands = MinHash.bands(minima);
        Long[] keys = new Long[bands.length];
        for (int b = 0; b < bands.length; b++) {
            keys[b] = ((long) b << 32) | (bands[b] & 0xFFFFFFFFL);
        }
        return keys;
    }

    private static Short[] bandNumbers() {
        Short[] numbers = new Short[MinHash.BANDS];
        for (short b = 0; b < MinHash.BANDS; b++) {
            numbers[b] = b;
        }
        return numbers;
    }

    private static Integer[] boxed(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
