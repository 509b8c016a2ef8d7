package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The articles index: {@value #ALIAS} points at {@value #INDEX}, whose settings and mappings are versioned in
 * {@code elasticsearch/articles-v1.json}. Writes are idempotent: document id = article id, and the article's
 * version is the external version, so a replayed or stale version never overwrites a newer one.
 */
@ApplicationScoped
public class ArticleIndex {

    public static final String ALIAS = "articles";
    public static final String INDEX = "articles-v1";

    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);
    private static final int VERSION_CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;

    private final ElasticsearchClient client;

    ArticleIndex(ElasticsearchClient client) {
        this.client = client;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        ensureIndex();
    }

    /** Creates the index and its alias when they do not exist yet. */
    public void ensureIndex() throws IOException {
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            return;
        }
        try (InputStream definition =
                getClass().getClassLoader().getResourceAsStream("elasticsearch/" + INDEX + ".json")) {
            client.indices().create(c -> c.index(INDEX).withJson(definition).aliases(ALIAS, a -> a.isWriteIndex(true)));
            LOG.infof("Created index %s behind alias %s", INDEX, ALIAS);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /**
     * Indexes the documents in one bulk request. A version conflict means the index already has this or a newer
     * version: that is success for an idempotent consumer.
     *
     * @return the documents Elasticsearch refused for good (a 4xx other than a conflict or a throttle): retrying
     *     them cannot help, the caller dead-letters them
     * @throws BulkFailedException when Elasticsearch is unreachable, throttles or fails (429, 5xx): the caller
     *     retries the batch, and what was indexed meanwhile comes back as a conflict
     */
    public List<Rejected> index(List<ArticleDocument> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ArticleDocument document : documents) {
            bulk.operations(op -> op.index(idx -> idx.index(ALIAS)
                    .id(document.id())
                    .version((long) document.version())
                    .versionType(VersionType.External)
                    .document(document)));
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException e) {
            throw new BulkFailedException("Elasticsearch unreachable: " + e.getMessage(), e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw new BulkFailedException("Elasticsearch refused the bulk request: " + e.getMessage(), e);
        }
        if (!response.errors()) {
            return List.of();
        }
        List<BulkResponseItem> failed = response.items().stream()
                .filter(item -> item.error() != null && item.status() != VERSION_CONFLICT)
                .toList();
        List<BulkResponseItem> retryable = failed.stream()
                .filter(item -> item.status() == TOO_MANY_REQUESTS || item.status() >= 500)
                .toList();
        if (!retryable.isEmpty()) {
            BulkResponseItem first = retryable.getFirst();
            throw new BulkFailedException(
                    retryable.size() + " of " + documents.size() + " documents failed, first: " + first.status() + " "
                            + first.error().reason(),
                    null);
        }
        return failed.stream()
                .map(item -> new Rejected(
                        item.id(),
                        item.status(),
                        item.error().type() + ": " + item.error().reason()))
                .toList();
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
