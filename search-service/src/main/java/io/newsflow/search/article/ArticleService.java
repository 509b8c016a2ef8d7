package io.newsflow.search.article;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsflow.commons.problem.ServiceUnavailableException;
import io.newsflow.search.index.ArticleDocument;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.index.ArticleVersion;
import io.newsflow.search.query.SearchItem;
import io.newsflow.search.query.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.util.List;

/** Single articles: the latest version, the revision history, and articles like it. */
@ApplicationScoped
public class ArticleService {

    private static final int MAX_VERSIONS = 1_000;

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    ArticleService(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /** @throws NotFoundException when no article has this id */
    public ArticleDocument article(String id) {
        try {
            GetResponse<ArticleDocument> response =
                    client.get(g -> g.index(index.alias()).id(id), ArticleDocument.class);
            if (!response.found() || response.source() == null) {
                throw notFound(id);
            }
            return response.source();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable(e);
        }
    }

    /** @throws NotFoundException when no article has this id */
    public ArticleVersions versions(String id) {
        ArticleDocument latest = article(id);
        try {
            SearchResponse<ArticleVersion> response = client.search(
                    s -> s.index(index.versionsIndex())
                            .query(q -> q.term(t -> t.field("articleId").value(FieldValue.of(id))))
                            .sort(o -> o.field(f -> f.field("version").order(SortOrder.Desc)))
                            .size(MAX_VERSIONS),
                    ArticleVersion.class);
            List<ArticleVersion> versions =
                    response.hits().hits().stream().map(Hit::source).toList();
            return new ArticleVersions(id, latest.version(), versions);
        } catch (ElasticsearchException | IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * Articles that share the most distinctive words of the title and text, and the people, organizations and
     * places, with this one.
     *
     * @throws NotFoundException when no article has this id
     */
    public List<SearchItem> similar(String id, int size) {
        article(id);
        try {
            SearchResponse<ArticleDocument> response = client.search(
                    s -> s.index(index.alias())
                            .query(q -> q.moreLikeThis(m -> m.fields(
                                            "title", "body", "people", "organizations", "locations")
                                    .like(l -> l.document(
                                            d -> d.index(index.alias()).id(id)))
                                    // a news index is small next to what more_like_this is tuned for
                                    .minTermFreq(1)
                                    .minDocFreq(1)
                                    .maxQueryTerms(40)
                                    .minimumShouldMatch("10%")))
                            .size(size),
                    ArticleDocument.class);
            return response.hits().hits().stream()
                    .map(hit -> SearchItem.of(
                            hit.source(), SearchService.lead(hit.source().body())))
                    .toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable(e);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No article has the id " + id + ".");
    }

    private static ServiceUnavailableException unavailable(Exception e) {
        return new ServiceUnavailableException("Elasticsearch cannot answer now; retry later.", 5, e);
    }
}
