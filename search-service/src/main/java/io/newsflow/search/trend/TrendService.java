package io.newsflow.search.trend;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.newsflow.commons.problem.ServiceUnavailableException;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.query.SearchQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Topic and entity trends: a terms aggregation picks the top items of the range, and a date histogram under
 * each counts its articles per interval (by publication date).
 */
@ApplicationScoped
public class TrendService {

    static final String DATE = "publishedAt";

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    TrendService(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    public Trends topics(TrendInterval interval, Instant from, Instant to, int size) {
        Aggregation top = Aggregation.of(a -> a.nested(n -> n.path("topics"))
                .aggregations(
                        "top",
                        Aggregation.of(t -> t.terms(
                                        terms -> terms.field("topics.code").size(size))
                                .aggregations(
                                        "label",
                                        Aggregation.of(l -> l.terms(
                                                lt -> lt.field("topics.label").size(1))))
                                .aggregations(
                                        "articles",
                                        Aggregation.of(r -> r.reverseNested(rn -> rn)
                                                .aggregations("histogram", histogram(interval, from, to)))))));
        Map<String, Aggregate> result = search(top, interval, from, to);
        List<Trends.Item> items =
                result.get("top").nested().aggregations().get("top").sterms().buckets().array().stream()
                        .map(bucket -> {
                            Aggregate articles = bucket.aggregations().get("articles");
                            return Trends.Item.of(
                                    bucket.key().stringValue(),
                                    label(bucket),
                                    articles.reverseNested().docCount(),
                                    counts(articles.reverseNested()
                                            .aggregations()
                                            .get("histogram")));
                        })
                        .sorted(Comparator.comparingLong(Trends.Item::total).reversed())
                        .toList();
        return trends("topics", interval, from, to, result.get("intervals"), items);
    }

    /** @param field the document field of the entity type: people, organizations or locations */
    public Trends entities(String kind, String field, TrendInterval interval, Instant from, Instant to, int size) {
        Aggregation top = Aggregation.of(
                a -> a.terms(t -> t.field(field).size(size)).aggregations("histogram", histogram(interval, from, to)));
        Map<String, Aggregate> result = search(top, interval, from, to);
        List<Trends.Item> items = result.get("top").sterms().buckets().array().stream()
                .map(bucket -> Trends.Item.of(
                        bucket.key().stringValue(),
                        null,
                        bucket.docCount(),
                        counts(bucket.aggregations().get("histogram"))))
                .toList();
        return trends(kind, interval, from, to, result.get("intervals"), items);
    }

    private static Trends trends(
            String kind,
            TrendInterval interval,
            Instant from,
            Instant to,
            Aggregate intervals,
            List<Trends.Item> items) {
        List<Trends.Item> rising = items.stream()
                .filter(Trends.Item::rising)
                .sorted(Comparator.comparingDouble(Trends.Item::rise).reversed())
                .toList();
        // the intervals as the histograms bucket them, so that every item's counts line up with them
        List<Instant> starts = intervals.dateHistogram().buckets().array().stream()
                .map(bucket -> Instant.ofEpochMilli(bucket.key()))
                .toList();
        return new Trends(kind, interval.parameter(), from, to, starts, items, rising);
    }

    private static Aggregation histogram(TrendInterval interval, Instant from, Instant to) {
        return Aggregation.of(a -> a.dateHistogram(h -> h.field(DATE)
                .calendarInterval(interval.calendar)
                .minDocCount(0)
                .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value((double) from.toEpochMilli())))
                        .max(FieldDateMath.of(
                                m -> m.value((double) to.minusMillis(1).toEpochMilli()))))));
    }

    private static List<Long> counts(Aggregate histogram) {
        return histogram.dateHistogram().buckets().array().stream()
                .map(DateHistogramBucket::docCount)
                .toList();
    }

    private static String label(StringTermsBucket bucket) {
        return bucket.aggregations().get("label").sterms().buckets().array().stream()
                .findFirst()
                .map(label -> label.key().stringValue())
                .orElse(null);
    }

    private Map<String, Aggregate> search(Aggregation top, TrendInterval interval, Instant from, Instant to) {
        try {
            SearchResponse<Void> response = client.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .query(SearchQueries.dateRange(DATE, from, to))
                            .aggregations("top", top)
                            .aggregations("intervals", histogram(interval, from, to)),
                    Void.class);
            return response.aggregations();
        } catch (ElasticsearchException | IOException e) {
            throw new ServiceUnavailableException("Elasticsearch cannot answer now; retry later.", 5, e);
        }
    }
}
