package io.newsflow.bench;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The indexing benchmark: enriched articles from the Kafka topic into Elasticsearch through the search service,
 * beside a raw bulk load of the same documents (the same bulk lines the service sends: each article with its
 * external version, and its version record) in the same run. Both are timed until every document is
 * searchable (a count sees them all), with bulks of 500, one at a time, as the service has. The benchmark's
 * articles are deleted again afterwards.
 */
public final class IndexingBenchmark {

    private static final int BODY_CHARS = 2000;
    private static final int BULK = 500;
    /** As the search service has: one bulk at a time. */
    private static final int IN_FLIGHT = 1;

    private IndexingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmUp = Math.min(4_000, articles / 4);
        SearchBenchTarget target = SearchBenchTarget.fromSystemProperties();
        Corpus corpus = Corpus.load();
        String run = UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("corpus: %s; body %d chars; run %s; %s%n", corpus.name(), BODY_CHARS, run, target.describe());

        // both paths warm up first, unmeasured: a JIT-cold service or a cold index says little
        raw(target, corpus, run + "w", warmUp);
        service(target, corpus, run + "w", warmUp);

        // the machine is shared and noisy: alternate the two in rounds and compare the medians
        List<Double> raws = new ArrayList<>();
        List<Double> services = new ArrayList<>();
        List<Double> fromFirstBatch = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            raws.add(raw(target, corpus, run + "r" + round, articles));
            Service service = service(target, corpus, run + "r" + round, articles);
            services.add(service.perSecond());
            fromFirstBatch.add(service.fromFirstBatch());
            System.out.printf(
                    "round %d: raw Elasticsearch bulk %,.0f articles/s, search service %,.0f articles/s (%,.0f from"
                            + " its first batch)%n",
                    round, raws.getLast(), service.perSecond(), service.fromFirstBatch());
        }
        double raw = median(raws);
        System.out.printf(
                "raw Elasticsearch bulk (%d a request, %d in flight), median: %,.0f articles/s%n",
                BULK, IN_FLIGHT, raw);
        System.out.printf(
                "search service from %s, median: %,.0f articles/s from the first article published, %,.0f from its"
                        + " first batch%n",
                Topics.ENRICHED, median(services), median(fromFirstBatch));
        System.out.printf(
                "ratio service / raw: %.2f (from its first batch: %.2f; %d rounds of %,d articles)%n",
                median(services) / raw, median(fromFirstBatch) / raw, rounds, articles);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<EnrichedArticle> articles(Corpus corpus, String source, String run, int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> IndexingDocuments.article(corpus, source, run, n, BODY_CHARS))
                .toList();
    }

    static double raw(SearchBenchTarget target, Corpus corpus, String run, int count) throws Exception {
        String source = "bench-raw-" + run;
        String index = "bench-raw-" + run;
        String versions = "bench-raw-versions-" + run;
        target.createIndex(index, "articles-v2");
        target.createIndex(versions, "article-versions-v1");
        List<EnrichedArticle> articles = articles(corpus, source, run, count);
        long start = System.nanoTime();
        ExecutorService inFlight = Executors.newFixedThreadPool(IN_FLIGHT);
        List<Future<Boolean>> bulks = new ArrayList<>();
        for (int from = 0; from < count; from += BULK) {
            List<EnrichedArticle> chunk = articles.subList(from, Math.min(count, from + BULK));
            bulks.add(inFlight.submit(() -> {
                StringBuilder bulk = new StringBuilder();
                for (EnrichedArticle article : chunk) {
                    bulk.append(IndexingDocuments.bulkLines(article, index, versions));
                }
                return target.es("POST", "/_bulk", bulk.toString())
                        .path("errors")
                        .asBoolean();
            }));
        }
        for (Future<Boolean> errors : bulks) {
            if (errors.get()) {
                throw new IllegalStateException("the raw bulk load had errors");
            }
        }
        inFlight.shutdown();
        awaitCount(target, index, source, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        target.es("DELETE", "/" + index + "," + versions, null);
        return count / seconds;
    }

    /**
     * @param perSecond from the first article published to the last one searchable
     * @param fromFirstBatch from the first batch the service took (its earliest indexedAt) to the last article
     *     searchable: without the time the articles spend reaching Kafka
     */
    private record Service(double perSecond, double fromFirstBatch) {}

    private static long firstIndexedAt(SearchBenchTarget target, String source) throws Exception {
        return target.es(
                        "POST",
                        "/" + target.alias() + "/_search",
                        "{\"size\":0,\"query\":{\"term\":{\"sourceId\":\"" + source
                                + "\"}},\"aggs\":{\"first\":{\"min\":{\"field\":\"indexedAt\"}}}}")
                .path("aggregations")
                .path("first")
                .path("value")
                .asLong();
    }

    private static Service service(SearchBenchTarget target, Corpus corpus, String run, int count) throws Exception {
        String source = "bench-index-" + run;
        List<String> messages = articles(corpus, source, run, count).stream()
                .map(EventJson::write)
                .toList();
        List<String> keys = articles(corpus, source, run, count).stream()
                .map(EnrichedArticle::id)
                .toList();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        target.kafka(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(Topics.ENRICHED, keys.get(i), messages.get(i))));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
            awaitCount(target, target.alias(), source, count);
            long end = System.currentTimeMillis();
            double perSecond = count / ((System.nanoTime() - start) / 1e9);
            double fromFirstBatch = count / ((end - firstIndexedAt(target, source)) / 1e3);
            // tombstones take the articles off the compacted topic and, through the service, out of the index;
            // wait for that, so the deletes do not slow the next round down
            for (String key : keys) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED, key, null));
            }
            producer.flush();
            awaitCount(target, target.alias(), source, 0);
            target.delete(target.versions(), keys.stream().map(id -> id + ":1").toList());
            return new Service(perSecond, fromFirstBatch);
        }
    }

    private static void awaitCount(SearchBenchTarget target, String index, String source, int count) throws Exception {
        long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000;
        while (target.count(index, source) != count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "only " + target.count(index, source) + " of " + count + " indexed after 20 minutes");
            }
            Thread.sleep(100);
        }
    }
}
