package io.newsflow.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.commons.problem.ServiceUnavailableException;
import io.newsflow.search.index.ArticleDocument;
import io.newsflow.search.index.ArticleIndex;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;

/** Full-text search over the articles index. */
@ApplicationScoped
public class SearchService {

    private static final int SNIPPET_CHARACTERS = 200;

    private final ElasticsearchClient client;

    SearchService(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @param q query string syntax (phrases in quotes, AND / OR / NOT); blank matches every article
     */
    public SearchResult search(String q, int size) {
        Query query = q == null || q.isBlank()
                ? Query.of(b -> b.matchAll(m -> m))
                : Query.of(b -> b.queryString(qs -> qs.query(q)
                        .fields("title^3", "body")
                        .defaultOperator(Operator.And)
                        // a leading wildcard scans every term of the index: one request could tie it up
                        .allowLeadingWildcard(false)));
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(
                    s -> s.index(ArticleIndex.ALIAS)
                            .query(query)
                            .size(size)
                            .trackTotalHits(t -> t.enabled(true))
                            .highlight(h -> h.encoder(HighlighterEncoder.Html)
                                    .preTags("<mark>")
                                    .postTags("</mark>")
                                    .fields(NamedValue.of(
                                            "body",
                                            HighlightField.of(
                                                    f -> f.numberOfFragments(1).fragmentSize(SNIPPET_CHARACTERS))))),
                    ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                throw new InvalidInputException(
                        "q", "is not a valid query: " + e.error().reason());
            }
            throw new ServiceUnavailableException("Elasticsearch cannot answer now; retry later.", 5, e);
        } catch (IOException e) {
            throw new ServiceUnavailableException("Elasticsearch is not reachable; retry later.", 5, e);
        }
        List<SearchItem> items =
                response.hits().hits().stream().map(SearchService::item).toList();
        long total = response.hits().total() == null
                ? items.size()
                : response.hits().total().value();
        return new SearchResult(total, items);
    }

    private static SearchItem item(Hit<ArticleDocument> hit) {
        ArticleDocument doc = hit.source();
        List<String> fragments = hit.highlight().get("body");
        String snippet = fragments != null && !fragments.isEmpty() ? fragments.getFirst() : lead(doc.body());
        return new SearchItem(
                doc.id(), doc.title(), doc.url(), doc.sourceId(), doc.publishedAt(), doc.language(), snippet);
    }

    /** The start of the text, HTML-escaped like the highlighted fragments. */
    private static String lead(String body) {
        if (body == null) {
            return "";
        }
        String lead = body.length() > SNIPPET_CHARACTERS ? body.substring(0, SNIPPET_CHARACTERS) + "…" : body;
        return lead.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }
}
