package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link SearchRequest} into the Elasticsearch query and sort. Pure logic, no I/O. */
public final class SearchQueries {

    static final String TIEBREAK = "id";
    static final String DATE = "publishedAt";

    private SearchQueries() {}

    /** The query text (or every article) and each filter as a non-scoring clause. */
    public static Query query(SearchRequest request) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (request.hasQuery()) {
            bool.must(QueryText.query(request.q()));
        }
        request.topics().forEach(topic -> bool.filter(topic(topic)));
        request.people().forEach(person -> bool.filter(term("people", person)));
        request.organizations().forEach(organization -> bool.filter(term("organizations", organization)));
        request.locations().forEach(location -> bool.filter(location(location)));
        request.entities()
                .forEach(entity -> bool.filter(anyOf(
                        term("people", entity),
                        term("organizations", entity),
                        term("locations", entity),
                        term("entityIds", entity))));
        request.sources().forEach(source -> bool.filter(term("sourceId", source)));
        request.languages().forEach(language -> bool.filter(term("language", language)));
        if (request.from() != null || request.to() != null) {
            bool.filter(dateRange(DATE, request.from(), request.to()));
        }
        if (!request.duplicates()) {
            // the story's original stays; copies the enrichment marked as duplicates of it go
            bool.mustNot(Query.of(q -> q.exists(e -> e.field("duplicateOf"))));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** Score or date, then the article id, so that {@code search_after} pages neither skip nor repeat. */
    public static List<SortOptions> sort(SearchRequest request) {
        List<SortOptions> sort = new ArrayList<>();
        SearchSort order = request.sort();
        if (order == SearchSort.RELEVANCE && request.hasQuery()) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        } else {
            SortOrder direction = order == SearchSort.OLDEST ? SortOrder.Asc : SortOrder.Desc;
            sort.add(SortOptions.of(
                    s -> s.field(f -> f.field(DATE).order(direction).missing("_last"))));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field(TIEBREAK).order(SortOrder.Asc))));
        return sort;
    }

    public static Query dateRange(String field, java.time.Instant from, java.time.Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> {
            d.field(field);
            if (from != null) {
                d.gte(from.toString());
            }
            if (to != null) {
                d.lt(to.toString());
            }
            return d;
        })));
    }

    /** A topic by IPTC code ({@code medtop:11000000}) or label ({@code politics}). */
    static Query topic(String topic) {
        return Query.of(q ->
                q.nested(n -> n.path("topics").query(anyOf(term("topics.code", topic), term("topics.label", topic)))));
    }

    /** A place by name, or a country by ISO code or English name (matching every place in it). */
    static Query location(String location) {
        List<Query> options = new ArrayList<>();
        options.add(term("locations", location));
        Countries.code(location).ifPresent(code -> options.add(term("countries", code)));
        return anyOf(options.toArray(Query[]::new));
    }

    static Query term(String field, String value) {
        return Query.of(
                q -> q.term(t -> t.field(field).value(FieldValue.of(value)).caseInsensitive(true)));
    }

    private static Query anyOf(Query... options) {
        return Query.of(q -> q.bool(b -> b.should(List.of(options)).minimumShouldMatch("1")));
    }
}
