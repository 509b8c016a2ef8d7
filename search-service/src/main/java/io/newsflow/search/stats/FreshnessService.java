package io.newsflow.search.stats;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.ArrayPercentilesItem;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import io.newsflow.commons.problem.ServiceUnavailableException;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.query.SearchQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ingest-to-index delay percentiles of the last hour, from the delay each live article's document carries, and
 * per-source counts.
 */
@ApplicationScoped
public class FreshnessService {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_SOURCES = 100;

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    FreshnessService(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    public Freshness freshness() {
        Instant since = Instant.now().minus(WINDOW);
        Aggregation lastHour = Aggregation.of(a -> a.filter(SearchQueries.dateRange("indexedAt", since, null)));
        Map<String, Aggregation> aggregations = Map.of(
                "recent",
                // replayed articles carry no delay: they would say nothing about freshness
                Aggregation.of(a -> a.filter(f ->
                                f.bool(b -> b.filter(SearchQueries.dateRange("indexedAt", since, null))
                                        .filter(e -> e.exists(x -> x.field("indexDelayMillis")))))
                        .aggregations(
                                "delay",
                                Aggregation.of(p -> p.percentiles(pc -> pc.field("indexDelayMillis")
                                        .percents(50.0, 95.0, 99.0)
                                        .keyed(false))))),
                "sources",
                Aggregation.of(a -> a.terms(t ->
                                t.field("sourceId").size(MAX_SOURCES).order(NamedValue.of("latest", SortOrder.Desc)))
                        .aggregations("latest", Aggregation.of(m -> m.max(x -> x.field("receivedAt"))))
                        .aggregations("lastHour", lastHour)));
        SearchResponse<Void> response;
        try {
            response = client.search(s -> s.index(index.alias()).size(0).aggregations(aggregations), Void.class);
        } catch (ElasticsearchException | IOException e) {
            throw new ServiceUnavailableException("Elasticsearch cannot answer now; retry later.", 5, e);
        }
        Aggregate recent = response.aggregations().get("recent");
        Map<Double, Double> percentiles =
                recent.filter().aggregations().get("delay").tdigestPercentiles().values().array().stream()
                        .filter(item -> item.value() != null)
                        .collect(Collectors.toMap(ArrayPercentilesItem::key, ArrayPercentilesItem::value));
        long delayed = recent.filter().docCount();
        List<Freshness.Source> sources = response.aggregations().get("sources").sterms().buckets().array().stream()
                .map(bucket -> new Freshness.Source(
                        bucket.key().stringValue(),
                        bucket.docCount(),
                        bucket.aggregations().get("lastHour").filter().docCount(),
                        bucket.aggregations().get("latest").max().value() == null
                                ? null
                                : Instant.ofEpochMilli(bucket.aggregations()
                                        .get("latest")
                                        .max()
                                        .value()
                                        .longValue())))
                .toList();
        Freshness.Percentiles delay = percentiles.isEmpty()
                ? null
                : new Freshness.Percentiles(percentiles.get(50.0), percentiles.get(95.0), percentiles.get(99.0));
        return new Freshness(since, delayed, delay, sources);
    }
}
