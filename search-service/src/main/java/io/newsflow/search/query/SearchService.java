package io.newsflow.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
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
import java.util.Map;

/** Full-text search over the articles index, with filters, facets and cursor pagination. */
@ApplicationScoped
public class SearchService {

    private static final int SNIPPET_CHARACTERS = 200;
    private static final int FACET_SIZE = 10;
    /** Elasticsearch's result window: relevance pages reach this deep; narrower searches or a date sort go further. */
    static final int MAX_RELEVANCE_DEPTH = 10_000;

    private static final Map<String, String> FACET_FIELDS = Map.of(
            "people", "people",
            "organizations", "organizations",
            "locations", "locations",
            "sources", "sourceId",
            "languages", "language");

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    SearchService(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /**
     * Where a relevance page starts. Relevance pages go by position, not by {@code search_after} on the score: every
     * document indexed meanwhile changes all scores a little, and a score carried in a cursor would then skip or
     * repeat articles. Positions stay right while the matching articles stay the same.
     */
    private static int offset(SearchRequest request) {
        if (request.after().isEmpty()) {
            return 0;
        }
        long offset =
                request.after().getFirst().isLong() ? request.after().getFirst().longValue() : -1;
        if (offset < 0 || offset + request.size() > MAX_RELEVANCE_DEPTH) {
            throw new InvalidInputException(
                    Cursor.PARAMETER, "is not a cursor this API returned (use nextCursor as it is)");
        }
        return (int) offset;
    }

    public SearchResult search(SearchRequest request) {
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(
                    s -> {
                        s.index(index.alias())
                                .query(SearchQueries.query(request))
                                .sort(SearchQueries.sort(request))
                                .size(request.size())
                                .trackTotalHits(t -> t.enabled(true))
                                .aggregations(aggregations())
                                .highlight(h -> h.encoder(HighlighterEncoder.Html)
                                        .preTags("<mark>")
                                        .postTags("</mark>")
                                        .fields(NamedValue.of(
                                                "body",
                                                HighlightField.of(f ->
                                                        f.numberOfFragments(1).fragmentSize(SNIPPET_CHARACTERS)))));
                        if (request.sort() == SearchSort.RELEVANCE) {
                            s.from(offset(request));
                        } else if (!request.after().isEmpty()) {
                            s.searchAfter(request.after());
                        }
                        return s;
                    },
                    ArticleDocument.class);
        } catch (ElasticsearchException e) {
            // the filters are plain terms and the cursor is checked: only the query text can be wrong here
            if (e.status() == 400) {
                throw QueryText.unparseable();
            }
            throw new ServiceUnavailableException("Elasticsearch cannot answer now; retry later.", 5, e);
        } catch (IOException e) {
            throw new ServiceUnavailableException("Elasticsearch is not reachable; retry later.", 5, e);
        }
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        List<SearchItem> items = hits.stream().map(SearchService::item).toList();
        long total = response.hits().total() == null
                ? items.size()
                : response.hits().total().value();
        String nextCursor = null;
        if (hits.size() == request.size() && request.sort() == SearchSort.RELEVANCE) {
            int next = offset(request) + hits.size();
            if (next + request.size() <= MAX_RELEVANCE_DEPTH) {
                nextCursor = Cursor.encode(
                        request.sort(),
                        List.of(
                                FieldValue.of(next),
                                FieldValue.of(hits.getLast().id())));
            }
        } else if (hits.size() == request.size()) {
            nextCursor = Cursor.encode(request.sort(), hits.getLast().sort());
        }
        return new SearchResult(total, items, facets(response.aggregations()), nextCursor);
    }

    private static Map<String, Aggregation> aggregations() {
        Map<String, Aggregation> aggregations = new java.util.HashMap<>();
        FACET_FIELDS.forEach((name, field) -> aggregations.put(
                name, Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)))));
        aggregations.put(
                "topics",
                Aggregation.of(a -> a.nested(n -> n.path("topics"))
                        .aggregations(
                                "codes",
                                Aggregation.of(codes -> codes.terms(
                                                t -> t.field("topics.code").size(FACET_SIZE))
                                        .aggregations(
                                                "label",
                                                Aggregation.of(l -> l.terms(t ->
                                                        t.field("topics.label").size(1))))
                                        .aggregations("articles", Aggregation.of(r -> r.reverseNested(rn -> rn)))))));
        return aggregations;
    }

    private static SearchResult.Facets facets(Map<String, Aggregate> aggregations) {
        List<SearchResult.TopicCount> topics =
                aggregations.get("topics").nested().aggregations().get("codes").sterms().buckets().array().stream()
                        .map(bucket -> new SearchResult.TopicCount(
                                bucket.key().stringValue(),
                                bucket.aggregations().get("label").sterms().buckets().array().stream()
                                        .findFirst()
                                        .map(label -> label.key().stringValue())
                                        .orElse(null),
                                bucket.aggregations()
                                        .get("articles")
                                        .reverseNested()
                                        .docCount()))
                        .toList();
        return new SearchResult.Facets(
                topics,
                counts(aggregations.get("people")),
                counts(aggregations.get("organizations")),
                counts(aggregations.get("locations")),
                counts(aggregations.get("sources")),
                counts(aggregations.get("languages")));
    }

    private static List<SearchResult.Count> counts(Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(SearchService::count)
                .toList();
    }

    private static SearchResult.Count count(StringTermsBucket bucket) {
        return new SearchResult.Count(bucket.key().stringValue(), bucket.docCount());
    }

    private static SearchItem item(Hit<ArticleDocument> hit) {
        ArticleDocument doc = hit.source();
        List<String> fragments = hit.highlight().get("body");
        String snippet = fragments != null && !fragments.isEmpty() ? fragments.getFirst() : lead(doc.body());
        return SearchItem.of(doc, snippet);
    }

    /** The start of the text, HTML-escaped like the highlighted fragments. */
    public static String lead(String body) {
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
