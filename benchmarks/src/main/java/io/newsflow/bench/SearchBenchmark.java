package io.newsflow.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.events.EventJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The search benchmark: a fixed mix of realistic queries (words, phrases, OR, a topic filter, newest first; the
 * facets and the highlighted snippet every time) at a steady rate, through the search API and, interleaved at
 * the same rate, straight to Elasticsearch with the query the service builds. Loads Wikinews-sized documents
 * (the corpus replicated under new URLs) into the index first when it holds fewer, and deletes them at the end
 * (unless {@code -Dbench.keep=true}, to rerun without reloading).
 */
public final class SearchBenchmark {

    private static final String SOURCE = "bench-search";
    private static final int QUERIES = 200;
    private static final Set<String> STOP = Set.of(
            "about", "after", "again", "their", "there", "these", "those", "which", "while", "with", "from", "into",
            "over", "says", "said", "will", "have", "been", "were", "that", "this", "what", "when", "where", "than");

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        SearchBenchTarget target = SearchBenchTarget.fromSystemProperties();
        Corpus corpus = Corpus.load();
        System.out.printf("corpus: %s; %s%n", corpus.name(), target.describe());
        load(target, corpus, documents);

        List<Query> queries = queries(corpus);
        // warm both paths up with every query once, unmeasured
        for (Query query : queries) {
            target.http().send(api(target, query), HttpResponse.BodyHandlers.discarding());
            target.http().send(raw(target, query), HttpResponse.BodyHandlers.discarding());
        }
        Results results = measure(target, queries, seconds, rate);
        long indexed = target.count(target.alias(), SOURCE);
        System.out.printf(
                "%d s at %d queries/s each, %d documents: API p50 %.1f ms, p99 %.1f ms (%d queries, %d errors); raw"
                        + " Elasticsearch p50 %.1f ms, p99 %.1f ms (%d queries, %d errors); API p99 / raw p99: %.2f%n",
                seconds,
                rate,
                indexed,
                SearchBenchTarget.percentile(results.api, 50),
                SearchBenchTarget.percentile(results.api, 99),
                results.api.size(),
                results.apiErrors.get(),
                SearchBenchTarget.percentile(results.raw, 50),
                SearchBenchTarget.percentile(results.raw, 99),
                results.raw.size(),
                results.rawErrors.get(),
                SearchBenchTarget.percentile(results.api, 99) / SearchBenchTarget.percentile(results.raw, 99));
        if (!Boolean.getBoolean("bench.keep")) {
            target.delete(
                    target.alias(),
                    IntStream.range(0, documents)
                            .mapToObj(n -> IndexingDocuments.article(corpus, SOURCE, "search", n, 0)
                                    .id())
                            .toList());
        }
    }

    /** Bulk-loads the documents the index lacks, as the service would have written them. */
    private static void load(SearchBenchTarget target, Corpus corpus, int documents) throws Exception {
        long present = target.count(target.alias(), SOURCE);
        if (present >= documents) {
            System.out.printf("index already holds %,d benchmark documents%n", present);
            return;
        }
        long start = System.nanoTime();
        for (int from = 0; from < documents; from += 1_000) {
            StringBuilder bulk = new StringBuilder();
            for (int n = from; n < Math.min(documents, from + 1_000); n++) {
                bulk.append(IndexingDocuments.bulkLines(
                        IndexingDocuments.article(corpus, SOURCE, "search", n, 0), target.alias(), null));
            }
            // a version conflict means a document of an earlier load: fine
            target.es("POST", "/_bulk", bulk.toString());
        }
        target.es("POST", "/" + target.alias() + "/_refresh", null);
        System.out.printf("loaded %,d documents in %.0f s%n", documents - present, (System.nanoTime() - start) / 1e9);
    }

    private record Query(String q, String topic, boolean newest) {}

    /** A fixed mix (same seed every run) built from the corpus's titles. */
    private static List<Query> queries(Corpus corpus) {
        Random random = new Random(42);
        List<Query> queries = new ArrayList<>();
        while (queries.size() < QUERIES) {
            List<String> words = words(corpus.title(random.nextInt(corpus.size())));
            if (words.size() < 2) {
                continue;
            }
            String a = words.get(random.nextInt(words.size()));
            String b = words.get(random.nextInt(words.size()));
            int at = random.nextInt(words.size() - 1);
            queries.add(
                    switch (queries.size() % 6) {
                        case 0 -> new Query(a, null, false);
                        case 1 -> new Query(a + " " + b, null, false);
                        case 2 -> new Query("\"" + words.get(at) + " " + words.get(at + 1) + "\"", null, false);
                        case 3 -> new Query(a + " " + b, "politics", false);
                        case 4 -> new Query(a, null, true);
                        default -> new Query(a + " OR " + b, null, false);
                    });
        }
        return queries;
    }

    private static List<String> words(String title) {
        List<String> words = new ArrayList<>();
        for (String word : title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.length() >= 4 && !STOP.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static HttpRequest api(SearchBenchTarget target, Query query) {
        StringBuilder url = new StringBuilder(target.search() + "/api/v1/search?q=")
                .append(URLEncoder.encode(query.q(), StandardCharsets.UTF_8));
        if (query.topic() != null) {
            url.append("&topic=").append(URLEncoder.encode(query.topic(), StandardCharsets.UTF_8));
        }
        if (query.newest()) {
            url.append("&sort=newest");
        }
        return HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    /** The request the search service sends for the same query: same query, sort, facets and highlight. */
    private static HttpRequest raw(SearchBenchTarget target, Query query) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode queryString = bool.putArray("must").addObject().putObject("query_string");
        queryString.put("query", query.q());
        queryString.putArray("fields").add("title^3").add("body").add("entityNames^2");
        queryString.put("default_operator", "and");
        queryString.put("type", "cross_fields");
        queryString.put("allow_leading_wildcard", false);
        if (query.topic() != null) {
            ObjectNode nested = bool.putArray("filter").addObject().putObject("nested");
            nested.put("path", "topics");
            ObjectNode either = nested.putObject("query").putObject("bool");
            ArrayNode should = either.putArray("should");
            for (String field : List.of("topics.code", "topics.label")) {
                ObjectNode term = should.addObject().putObject("term").putObject(field);
                term.put("value", query.topic());
                term.put("case_insensitive", true);
            }
            either.put("minimum_should_match", "1");
        }
        ArrayNode sort = body.putArray("sort");
        if (query.newest()) {
            ObjectNode date = sort.addObject().putObject("publishedAt");
            date.put("order", "desc");
            date.put("missing", "_last");
        } else {
            sort.addObject().putObject("_score").put("order", "desc");
        }
        sort.addObject().putObject("id").put("order", "asc");
        body.put("size", 10);
        body.put("track_total_hits", true);
        ObjectNode aggs = body.putObject("aggs");
        for (String[] facet : new String[][] {
            {"people", "people"},
            {"organizations", "organizations"},
            {"locations", "locations"},
            {"sources", "sourceId"},
            {"languages", "language"}
        }) {
            aggs.putObject(facet[0]).putObject("terms").put("field", facet[1]).put("size", 10);
        }
        ObjectNode topics = aggs.putObject("topics");
        topics.putObject("nested").put("path", "topics");
        ObjectNode codes = topics.putObject("aggs").putObject("codes");
        codes.putObject("terms").put("field", "topics.code").put("size", 10);
        ObjectNode perCode = codes.putObject("aggs");
        perCode.putObject("label")
                .putObject("terms")
                .put("field", "topics.label")
                .put("size", 1);
        perCode.putObject("articles").putObject("reverse_nested");
        ObjectNode highlight = body.putObject("highlight");
        highlight.put("encoder", "html");
        highlight.putArray("pre_tags").add("<mark>");
        highlight.putArray("post_tags").add("</mark>");
        ObjectNode field = highlight.putObject("fields").putObject("body");
        field.put("number_of_fragments", 1);
        field.put("fragment_size", 200);
        return HttpRequest.newBuilder(URI.create(target.elasticsearch() + "/" + target.alias() + "/_search"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private record Results(List<Double> api, List<Double> raw, AtomicInteger apiErrors, AtomicInteger rawErrors) {}

    /** Open loop: requests leave on schedule whether or not earlier ones have answered, API and raw alternating. */
    private static Results measure(SearchBenchTarget target, List<Query> queries, int seconds, int rate)
            throws Exception {
        ConcurrentLinkedQueue<Double> api = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> raw = new ConcurrentLinkedQueue<>();
        AtomicInteger apiErrors = new AtomicInteger();
        AtomicInteger rawErrors = new AtomicInteger();
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger tick = new AtomicInteger();
        int ticks = seconds * rate * 2;
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(
                () -> {
                    int i = tick.getAndIncrement();
                    if (i >= ticks) {
                        return;
                    }
                    Query query = queries.get((i / 2) % queries.size());
                    boolean toApi = i % 2 == 0;
                    HttpRequest request = toApi ? api(target, query) : raw(target, query);
                    long start = System.nanoTime();
                    pending.add(target.http()
                            .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                            .whenComplete((response, error) -> {
                                double millis = (System.nanoTime() - start) / 1e6;
                                if (error != null || response.statusCode() != 200) {
                                    (toApi ? apiErrors : rawErrors).incrementAndGet();
                                } else {
                                    (toApi ? api : raw).add(millis);
                                }
                            }));
                },
                0,
                1_000_000 / (rate * 2),
                TimeUnit.MICROSECONDS);
        while (tick.get() < ticks) {
            Thread.sleep(100);
        }
        clock.shutdown();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        List<Double> apiSorted = new ArrayList<>(api);
        List<Double> rawSorted = new ArrayList<>(raw);
        Collections.sort(apiSorted);
        Collections.sort(rawSorted);
        return new Results(apiSorted, rawSorted, apiErrors, rawErrors);
    }
}
