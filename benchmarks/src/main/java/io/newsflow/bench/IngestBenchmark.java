package io.newsflow.bench;

import io.newsflow.local.LocalStack;
import io.newsflow.local.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The ingest benchmark: NDJSON batches and single-article POSTs of 2 KB articles through the ingest service of
 * the running stack ({@code ./newsflow run}), beside Kafka's own ProducerPerformance with the same record size,
 * acks=all and idempotence, in the same run. Prints the figures and the ratios.
 */
public final class IngestBenchmark {

    private static final int BODY_CHARS = 2000;
    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("([\\d.]+) records/sec");

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int batchArticles = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int singleArticles = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        StackConfig config = StackConfig.run();
        LocalStack stack = new LocalStack(config);
        String ingest = "http://127.0.0.1:" + config.ingestPort();
        Corpus corpus = Corpus.load();
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String key = sourceKey(http, ingest, stack.adminKey(), run);

        System.out.printf("corpus: %s; body %d chars; run %s%n", corpus.name(), BODY_CHARS, run);

        // a freshly started service spends its first seconds compiling: warm it up on both paths, unmeasured
        ndjson(http, ingest, key, corpus, run + "w", 8_000);
        singles(http, ingest, key, corpus, run + "w", 8_000, 4_000);

        double raw = producerPerformance(config.kafkaBootstrapServers(), batchArticles);
        System.out.printf("kafka ProducerPerformance (2,048 B, acks=all, idempotent): %,.0f records/s%n", raw);

        double batch = ndjson(http, ingest, key, corpus, run, batchArticles);
        System.out.printf("ingest NDJSON batches (4,000 a request, 2 in flight): %,.0f articles/s%n", batch);

        double single = singles(http, ingest, key, corpus, run, batchArticles, singleArticles);
        System.out.printf("ingest single POSTs (64 in flight): %,.0f articles/s%n", single);

        System.out.printf(
                "%nbatch / raw producer = %.2f (target >= 0.5); single POSTs %,.0f/s (target >= 1,000)%n",
                batch / raw, single);
    }

    /** Registers a source named after the run with the admin key; returns its API key. */
    static String sourceKey(HttpClient http, String ingest, String adminKey, String run) throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(ingest + "/api/v1/sources"))
                        .header("X-Api-Key", adminKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Benchmark " + run + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher key = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !key.find()) {
            throw new IllegalStateException("Cannot register the benchmark source (is ./newsflow run up?): "
                    + created.statusCode() + " " + created.body());
        }
        return key.group(1);
    }

    /** Kafka's ProducerPerformance in its own JVM, on a topic shaped like the raw topic (3 partitions). */
    static double producerPerformance(String bootstrap, int records) throws Exception {
        String topic = "bench.producer-performance";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                        .all()
                        .get();
            }
        }
        List<String> command = List.of(
                java(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                Integer.toString(records),
                "--record-size",
                "2048",
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all",
                "enable.idempotence=true");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.MINUTES);
        Matcher matcher = RECORDS_PER_SECOND.matcher(output);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no rate:\n" + output);
        }
        return Double.parseDouble(last);
    }

    private static double ndjson(HttpClient http, String ingest, String key, Corpus corpus, String run, int articles)
            throws Exception {
        int perRequest = 4_000;
        Semaphore inFlight = new Semaphore(2);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> requests = new ArrayList<>();
        long start = System.nanoTime();
        for (int first = 0; first < articles; first += perRequest) {
            StringBuilder body = new StringBuilder();
            for (int n = first; n < Math.min(articles, first + perRequest); n++) {
                body.append(corpus.article(run + "b", n, BODY_CHARS)).append('\n');
            }
            inFlight.acquire();
            requests.add(http.sendAsync(
                            HttpRequest.newBuilder(URI.create(ingest + "/api/v1/articles"))
                                    .header("X-Api-Key", key)
                                    .header("Content-Type", "application/x-ndjson")
                                    .timeout(Duration.ofMinutes(5))
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        if (error != null
                                || response.statusCode() != 202
                                || response.body().contains("\"rejected\"")) {
                            failed.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            System.out.println("  (" + failed.get() + " NDJSON requests failed or had rejected articles)");
        }
        return articles / seconds;
    }

    private static double singles(
            HttpClient http, String ingest, String key, Corpus corpus, String run, int offset, int articles)
            throws Exception {
        Semaphore inFlight = new Semaphore(64);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        for (int n = 0; n < articles; n++) {
            inFlight.acquire();
            http.sendAsync(
                            HttpRequest.newBuilder(URI.create(ingest + "/api/v1/articles"))
                                    .header("X-Api-Key", key)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            corpus.article(run + "s", offset + n, BODY_CHARS)))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        if (error != null || response.statusCode() != 202) {
                            failed.incrementAndGet();
                        }
                    });
        }
        inFlight.acquire(64);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            System.out.println("  (" + failed.get() + " single POSTs were not answered 202)");
        }
        return (articles - failed.get()) / seconds;
    }

    /** This JVM's java: the benchmark's child JVMs run on the same JDK. */
    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString();
    }
}
