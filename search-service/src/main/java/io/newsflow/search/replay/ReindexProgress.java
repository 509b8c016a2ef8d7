package io.newsflow.search.replay;

import java.time.Instant;

/**
 * Where a rebuild of the index stands.
 *
 * @param state {@code idle} (none ran since start-up), {@code running}, {@code done} or {@code failed}
 * @param index the index being built
 * @param previousIndex the index the alias pointed at before
 * @param switched whether the alias points at {@code index} now
 * @param messages enriched-topic messages read so far, of {@code totalMessages} on the topic when it started
 * @param indexed articles written into {@code index}
 * @param skipped messages that are not valid articles or that Elasticsearch refused
 */
public record ReindexProgress(
        String state,
        String index,
        String previousIndex,
        boolean switched,
        long messages,
        long totalMessages,
        long indexed,
        long skipped,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public static final ReindexProgress IDLE =
            new ReindexProgress("idle", null, null, false, 0, 0, 0, 0, null, null, null);

    public boolean running() {
        return "running".equals(state);
    }
}
