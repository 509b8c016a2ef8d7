package io.newsflow.search.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsflow.search.index.ArticleDocument;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.query.SearchQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The articles indexed since a viewer's last look, from the index itself (so every instance of the service
 * shows what any of them indexed). A glimpse, not a log: when more came in since the last look, the newest
 * {@link #PAGE} of them.
 */
@ApplicationScoped
public class LiveArticles {

    static final int PAGE = 20;
    static final String INDEXED_AT = "indexedAt";

    private static final Logger LOG = Logger.getLogger(LiveArticles.class);

    private static final long WARN_EVERY_MILLIS = 60_000;

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private volatile long lastWarning;

    LiveArticles(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /** Where one viewer is: the latest indexing time it was sent, and the articles of that instant it has. */
    public static final class Cursor {
        private Instant last;
        private final Set<String> sentAtLast = new HashSet<>();
    }

    /** The articles the viewer has not seen yet, oldest first; none while Elasticsearch does not answer. */
    public List<LiveArticle> next(Cursor cursor) {
        List<LiveArticle> articles;
        try {
            articles = newest(cursor);
        } catch (ElasticsearchException | IOException e) {
            warn(e);
            return List.of();
        }
        for (LiveArticle article : articles) {
            if (!article.indexedAt().equals(cursor.last)) {
                cursor.last = article.indexedAt();
                cursor.sentAtLast.clear();
            }
            cursor.sentAtLast.add(article.id());
        }
        return articles;
    }

    /** Once a minute at most: every open dashboard looks every second. */
    private void warn(Exception e) {
        long now = System.currentTimeMillis();
        if (now - lastWarning > WARN_EVERY_MILLIS) {
            lastWarning = now;
            LOG.warnf("The live feed cannot read the index now: %s", e.getMessage());
        }
    }

    private List<LiveArticle> newest(Cursor cursor) throws IOException {
        Query query = cursor.last == null
                ? Query.of(q -> q.exists(e -> e.field(INDEXED_AT)))
                : Query.of(q -> q.bool(b -> b.filter(SearchQueries.dateRange(INDEXED_AT, cursor.last, null))
                        // documents of the same bulk share their indexing time: those of it already sent
                        .mustNot(n -> n.ids(ids -> ids.values(List.copyOf(cursor.sentAtLast))))));
        SearchResponse<ArticleDocument> response = client.search(
                s -> s.index(index.alias())
                        .size(PAGE)
                        .query(query)
                        .source(src -> src.filter(f -> f.excludes("body", "summary")))
                        .sort(o -> o.field(f -> f.field(INDEXED_AT).order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                ArticleDocument.class);
        List<LiveArticle> newestFirst = response.hits().hits().stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .map(LiveArticle::of)
                .toList();
        return newestFirst.reversed();
    }
}
