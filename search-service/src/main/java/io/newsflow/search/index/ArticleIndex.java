package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import io.newsflow.search.config.SearchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The articles index and the revision history beside it. Searches and writes go through the alias
 * ({@code articles}); the index behind it is built from the versioned definition
 * {@code elasticsearch/articles-v3.json} and named after it ({@code articles-v3}, or {@code articles-v3-<time>}
 * when rebuilt), so a rebuild or a new definition fills a new index while the alias keeps serving the old one.
 * Writes are idempotent: document id = article id, and the article's version is the external version, so a
 * replayed or stale version never overwrites a newer one. Each version is also kept in the revision history
 * ({@code article-versions}), keyed {@code id:version}.
 */
@ApplicationScoped
public class ArticleIndex {

    /** The current index definition, {@code elasticsearch/<name>.json}: bump it when the mapping changes. */
    public static final String DEFINITION = "articles-v3";

    private static final String VERSIONS_DEFINITION = "article-versions-v1";

    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final int NOT_FOUND = 404;
    private static final int VERSION_CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final DateTimeFormatter REBUILD_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final ElasticsearchClient client;
    private final String alias;
    private final String generation;
    private final String versions;
    private final int replicas;

    ArticleIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.replicas = config.replicas();
        this.alias = config.alias();
        this.generation = alias + DEFINITION.substring(DEFINITION.lastIndexOf('-'));
        this.versions = config.versionsIndex();
    }

    /** The alias searches and live writes go through. */
    public String alias() {
        return alias;
    }

    /** The revision history's index. */
    public String versionsIndex() {
        return versions;
    }

    /**
     * Makes sure the alias points at an index of the current definition and the revision history exists.
     *
     * @return true when the alias was moved from an index of an older definition to a new, empty one: the
     *     caller refills it from the enriched topic
     */
    public boolean ensureIndex() throws IOException {
        boolean moved = ensureCurrentDefinition();
        client.indices()
                .putSettings(p -> p.index(alias, versions)
                        .settings(settings -> settings.numberOfReplicas(String.valueOf(replicas))));
        return moved;
    }

    private boolean ensureCurrentDefinition() throws IOException {
        createIfMissing(versions, VERSIONS_DEFINITION, Map.of());
        Optional<String> current = currentIndex();
        if (current.isPresent() && current.get().startsWith(generation)) {
            return false;
        }
        if (current.isEmpty()) {
            createIfMissing(generation, DEFINITION, Map.of(alias, true));
            return false;
        }
        // an older definition: the new fields would be refused by its strict mapping, so switch now and refill
        String fresh = newIndexName();
        create(fresh);
        switchAlias(fresh);
        LOG.infof("Index %s has an older definition: alias %s now on %s, to be refilled", current.get(), alias, fresh);
        return true;
    }

    /** The index the alias points at, if the alias exists. */
    public Optional<String> currentIndex() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return Optional.empty();
        }
        return client.indices().getAlias(a -> a.name(alias)).aliases().keySet().stream()
                .findFirst();
    }

    /** A name for a new index of the current definition. */
    public String newIndexName() {
        return generation + "-" + LocalDateTime.now(ZoneOffset.UTC).format(REBUILD_SUFFIX);
    }

    /** Creates an empty index of the current definition, without an alias, with the configured replicas. */
    public void create(String index) throws IOException {
        createIfMissing(index, DEFINITION, Map.of());
        client.indices()
                .putSettings(
                        p -> p.index(index).settings(settings -> settings.numberOfReplicas(String.valueOf(replicas))));
    }

    /** Deletes an index the alias does not point at (a rebuild that failed half-way). */
    public void deleteUnused(String index) throws IOException {
        if (currentIndex().filter(index::equals).isEmpty()) {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        }
    }

    /** Points the alias at {@code index} and away from every other index, in one atomic step. */
    public void switchAlias(String index) throws IOException {
        List<Action> actions = new ArrayList<>();
        Optional<String> current = currentIndex();
        current.ifPresent(old ->
                actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias)))));
        actions.add(Action.of(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true))));
        client.indices().updateAliases(u -> u.actions(actions));
        LOG.infof("Alias %s switched from %s to %s", alias, current.orElse("nothing"), index);
    }

    private void createIfMissing(String index, String definition, Map<String, Boolean> aliases) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            return;
        }
        try (InputStream json =
                getClass().getClassLoader().getResourceAsStream("elasticsearch/" + definition + ".json")) {
            client.indices().create(c -> {
                c.index(index).withJson(json);
                aliases.forEach((alias, write) -> c.aliases(alias, a -> a.isWriteIndex(write)));
                return c;
            });
            LOG.infof("Created index %s from %s", index, definition);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /**
     * Indexes live articles through the alias, and their versions into the revision history, in one bulk
     * request.
     *
     * @see #index(List, String, boolean)
     */
    public List<Rejected> index(List<ArticleDocument> documents) {
        return index(documents, alias, true);
    }

    /**
     * Indexes the documents in one bulk request. A version conflict means the index already has this or a newer
     * version: that is success for an idempotent consumer.
     *
     * @param target the alias, or an index being rebuilt
     * @param history whether to keep each version in the revision history too
     * @return the documents Elasticsearch refused for good (a 4xx other than a conflict or a throttle): retrying
     *     them cannot help, the caller dead-letters them
     * @throws BulkFailedException when Elasticsearch is unreachable, throttles or fails (429, 5xx), or the alias
     *     is missing: the caller retries the batch, and what was indexed meanwhile comes back as a conflict
     */
    public List<Rejected> index(List<ArticleDocument> documents, String target, boolean history) {
        if (documents.isEmpty()) {
            return List.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ArticleDocument document : documents) {
            bulk.operations(op -> op.index(idx -> idx.index(target)
                    .id(document.id())
                    .version((long) document.version())
                    .versionType(VersionType.External)
                    // never let a write create a dynamically mapped index called "articles" when the alias is
                    // missing
                    .requireAlias(alias.equals(target))
                    .document(document)));
            if (history) {
                ArticleVersion version = ArticleVersion.of(document);
                bulk.operations(op -> op.index(
                        idx -> idx.index(versions).id(version.documentId()).document(version)));
            }
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException e) {
            throw new BulkFailedException("Elasticsearch unreachable: " + e.getMessage(), e);
        } catch (ElasticsearchException e) {
            throw new BulkFailedException("Elasticsearch refused the bulk request: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BulkFailedException("Elasticsearch unreachable: " + e.getMessage(), e);
        }
        if (!response.errors()) {
            return List.of();
        }
        List<BulkResponseItem> failed = response.items().stream()
                .filter(item -> item.error() != null && item.status() != VERSION_CONFLICT)
                .toList();
        List<BulkResponseItem> retryable = failed.stream()
                .filter(item ->
                        item.status() == TOO_MANY_REQUESTS || item.status() >= 500 || item.status() == NOT_FOUND)
                .toList();
        if (!retryable.isEmpty()) {
            BulkResponseItem first = retryable.getFirst();
            throw new BulkFailedException(
                    retryable.size() + " of " + response.items().size() + " operations failed, first: " + first.status()
                            + " " + first.error().reason(),
                    null);
        }
        // the article and its version are refused for the same reason: report each article once
        Map<String, Rejected> rejected = new LinkedHashMap<>();
        for (BulkResponseItem item : failed) {
            String id = item.id() == null ? "" : item.id().split(":")[0];
            rejected.putIfAbsent(
                    id,
                    new Rejected(
                            id,
                            item.status(),
                            item.error().type() + ": " + item.error().reason()));
        }
        return List.copyOf(rejected.values());
    }

    /**
     * {@link #index(List, String, boolean)}, retried with exponential backoff (up to {@value #MAX_BACKOFF_MILLIS}
     * ms apart) for as long as Elasticsearch is unreachable or overloaded. The caller waits meanwhile, which is
     * what pauses the Kafka consumers instead of piling articles up in memory.
     */
    public List<Rejected> indexPatiently(List<ArticleDocument> documents, String target, boolean history)
            throws InterruptedException {
        long backoff = 200;
        while (true) {
            try {
                return index(documents, target, history);
            } catch (BulkFailedException e) {
                LOG.warnf(
                        "Indexing %d articles into %s failed (%s); retrying in %d ms",
                        documents.size(), target, e.getMessage(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * Deletes articles (a tombstone on the compacted topic), retried like {@link #indexPatiently}. An article
     * that is not there is already deleted.
     */
    public void deletePatiently(Collection<String> ids, String target) throws InterruptedException {
        if (ids.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        ids.forEach(id -> bulk.operations(op -> op.delete(d -> d.index(target).id(id))));
        BulkRequest request = bulk.build();
        long backoff = 200;
        while (true) {
            try {
                BulkResponse response = client.bulk(request);
                List<BulkResponseItem> failed = response.items().stream()
                        .filter(item -> item.error() != null && item.status() != NOT_FOUND)
                        .toList();
                if (failed.isEmpty()) {
                    return;
                }
                LOG.warnf(
                        "Deleting %d articles from %s failed (%s); retrying in %d ms",
                        failed.size(), target, failed.getFirst().error().reason(), backoff);
            } catch (IOException | ElasticsearchException | UncheckedIOException e) {
                LOG.warnf(
                        "Deleting %d articles from %s failed (%s); retrying in %d ms",
                        ids.size(), target, e.getMessage(), backoff);
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    /** A document Elasticsearch refused for good, and why. */
    public record Rejected(String id, int status, String reason) {}

    /** A bulk request that did not index every document. */
    public static class BulkFailedException extends RuntimeException {
        public BulkFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
