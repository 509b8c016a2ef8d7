package io.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.EventJson;
import io.newsflow.local.LocalStack;
import io.newsflow.local.StackConfig;
import io.newsflow.local.load.LoadGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole pipeline on this machine, everything co-located: ingest rate, end-to-end capacity (articles per
 * second fully searchable with entities and topics, sustained), ingest → searchable latency at half that
 * capacity, the memory of every process, and the raw baselines of the same run (Kafka's ProducerPerformance,
 * Elasticsearch's bulk API, the NER engine alone on the same texts). Run by {@code ./newsflow bench e2e} on the
 * running stack with the three services.
 *
 * <p>Arguments: articles for the capacity run (default 16,000: at about 100 articles/s, over two minutes of work),
 * seconds of the latency run (default 90).
 */
public final class EndToEndBenchmark {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern ITEM_ID = Pattern.compile("\\{\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern PROCESS = Pattern.compile("^\\s*(\\S+)\\s+running \\(pid (\\d+)\\)");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EndToEndBenchmark() {}

    public static void main(String[] args) throws Exception {
        int capacityArticles = args.length > 0 ? Integer.parseInt(args[0]) : 16_000;
        int latencySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        StackConfig config = StackConfig.run();
        LocalStack stack = new LocalStack(config);
        String ingest = "http://127.0.0.1:" + config.ingestPort();
        String search = "http://127.0.0.1:" + config.searchPort();
        Corpus corpus = Corpus.load();
        String sourceKey = IngestBenchmark.sourceKey(HTTP, ingest, stack.adminKey(), "end-to-end " + UUID.randomUUID());
        System.out.printf("Corpus: %s%n", corpus.name());

        // 1. capacity: a backlog pushed as fast as ingest takes it, then the rate at which it becomes searchable
        String run = "e2e" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("%nCapacity: %,d articles as fast as ingest takes them (run %s)%n", capacityArticles, run);
        LoadGenerator.Result pushed = new LoadGenerator(
                        new LoadGenerator.Settings(
                                ingest, sourceKey, capacityArticles, 0, 50, 4, Duration.ofMinutes(5)),
                        n -> corpus.article(run, n))
                .run(System.out);
        System.out.printf(
                "  ingest: %,d accepted in %.1f s, %,.0f articles/s%n",
                pushed.acceptedAt().size(), pushed.elapsed().toNanos() / 1e9, pushed.articlesPerSecond());
        Capacity capacity = capacity(search, run, pushed.acceptedAt().size());
        System.out.printf(
                "  searchable: %,.1f articles/s sustained over %.0f s (5%% to 95%% of the backlog)%n",
                capacity.perSecond(), capacity.seconds());
        System.out.printf("  of the first 100 found: %s%n", enrichedShare(search, run));

        // 2. latency at half that capacity, one article a request as a newsroom's CMS would send them
        double rate = capacity.perSecond() / 2;
        int latencyArticles = (int) (rate * latencySeconds);
        String latencyRun = "e2e" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf(
                "%nLatency: %,d articles at %.1f/s (half capacity), one a request (run %s)%n",
                latencyArticles, rate, latencyRun);
        SearchWatcher watcher = new SearchWatcher(search, latencyRun);
        Thread watching = Thread.ofPlatform().daemon().start(watcher);
        LoadGenerator.Result paced = new LoadGenerator(
                        new LoadGenerator.Settings(
                                ingest, sourceKey, latencyArticles, rate, 1, 8, Duration.ofMinutes(2)),
                        n -> corpus.article(latencyRun, n))
                .run(System.out);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!watcher.seen.keySet().containsAll(paced.acceptedAt().keySet())
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        watcher.stop = true;
        watching.join();
        List<Double> latencies = new ArrayList<>();
        paced.acceptedAt().forEach((id, accepted) -> {
            Long seen = watcher.seen.get(id);
            if (seen != null) {
                latencies.add((seen - accepted) / 1000.0);
            }
        });
        Collections.sort(latencies);
        System.out.printf(
                "  %,d of %,d accepted articles seen by search; ingest -> searchable p50 %.2f s, p95 %.2f s,"
                        + " p99 %.2f s, max %.2f s (search polled every %d ms)%n",
                latencies.size(),
                paced.acceptedAt().size(),
                SearchBenchTarget.percentile(latencies, 50),
                SearchBenchTarget.percentile(latencies, 95),
                SearchBenchTarget.percentile(latencies, 99),
                latencies.isEmpty() ? Double.NaN : latencies.getLast(),
                SearchWatcher.POLL_MILLIS);

        // 3. memory of every process of the stack, under the load just run
        System.out.println("\nMemory (proportional set size of each process and its children):");
        long total = 0;
        for (String line : stack.status(Path.of("."))) {
            Matcher process = PROCESS.matcher(line);
            if (process.find()) {
                long kb =
                        pssKb(ProcessHandle.of(Long.parseLong(process.group(2))).orElseThrow());
                total += kb;
                System.out.printf("  %-15s %,8d MB%n", process.group(1), kb / 1024);
            }
        }
        System.out.printf("  %-15s %,8d MB%n", "whole stack", total / 1024);

        // 4. the raw baselines, in the same run, on the now idle stack
        System.out.println("\nRaw baselines (same run):");
        double producer = IngestBenchmark.producerPerformance(config.kafkaBootstrapServers(), 50_000);
        System.out.printf("  Kafka ProducerPerformance (2,048 B, acks=all): %,.0f records/s%n", producer);
        double bulk = IndexingBenchmark.raw(SearchBenchTarget.fromSystemProperties(), corpus, run + "raw", 10_000);
        System.out.printf("  Elasticsearch bulk API: %,.0f articles/s%n", bulk);
        List<String[]> texts = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            texts.add(new String[] {corpus.title(i), corpus.text(i)});
        }
        double ner = EnrichBenchmark.rawNer(texts);
        System.out.printf("  NER engine alone (CoreNLP CRF, 2 threads, same texts): %,.1f articles/s%n", ner);

        System.out.println("\nSummary (targets on 2 cores, everything co-located):");
        System.out.printf("  ingest rate                 %,10.0f articles/s%n", pushed.articlesPerSecond());
        System.out.printf(
                "  end-to-end capacity         %,10.1f articles/s   (target >= 40)  %s%n",
                capacity.perSecond(), capacity.perSecond() >= 40 ? "met" : "MISSED");
        double p50 = SearchBenchTarget.percentile(latencies, 50);
        double p99 = SearchBenchTarget.percentile(latencies, 99);
        System.out.printf(
                "  latency p50 / p99           %6.2f / %.2f s    (targets 1.5 / 3 s)  %s%n",
                p50, p99, p50 <= 1.5 && p99 <= 3 ? "met" : "MISSED");
        System.out.printf(
                "  whole stack memory          %,10d MB          (target <= 4,096)  %s%n",
                total / 1024, total / 1024 <= 4096 ? "met" : "MISSED");
    }

    private record Capacity(double perSecond, double seconds) {}

    /**
     * Follows how many of the run's articles search finds, until all of them; the rate between 5% and 95% of
     * them is the sustained capacity (the first and last few seconds are start-up and tail).
     */
    private static Capacity capacity(String search, String run, int expected) throws Exception {
        long start = System.nanoTime();
        long at5 = 0;
        long at95 = 0;
        long lastReport = 0;
        long deadline = start + Duration.ofMinutes(30).toNanos();
        while (at95 == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the backlog was not searchable within 30 minutes");
            }
            long count = total(search, run);
            long now = System.nanoTime();
            if (at5 == 0 && count >= expected * 0.05) {
                at5 = now;
            }
            if (count >= expected * 0.95) {
                at95 = now;
            }
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                System.out.printf("  %,6d / %,d searchable after %.0f s%n", count, expected, (now - start) / 1e9);
            }
            Thread.sleep(1000);
        }
        double seconds = (at95 - at5) / 1e9;
        // the latency run must not queue behind what is left of this backlog
        while (total(search, run) < expected && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        return new Capacity(expected * 0.9 / seconds, seconds);
    }

    /** How many of the first page's articles came out with entities and with topics. */
    private static String enrichedShare(String search, String run) throws Exception {
        JsonNode page = EventJson.mapper().readTree(get(search + "/api/v1/search?size=100&q=" + run));
        int entities = 0;
        int topics = 0;
        for (JsonNode item : page.path("items")) {
            entities += item.path("entities").isEmpty() ? 0 : 1;
            topics += item.path("topics").isEmpty() ? 0 : 1;
        }
        return String.format(
                "%d with entities, %d with topics, of %d",
                entities, topics, page.path("items").size());
    }

    /**
     * Polls the newest articles of a run and notes when each first appears. When a whole page is new, it reads
     * on with the cursor, so a burst of more than a page between two looks is not missed.
     */
    private static final class SearchWatcher implements Runnable {
        static final int POLL_MILLIS = 100;
        private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
        final Map<String, Long> seen = new ConcurrentHashMap<>();
        final String url;
        volatile boolean stop;

        SearchWatcher(String search, String run) {
            this.url =
                    search + "/api/v1/search?sort=newest&size=100&q=" + URLEncoder.encode(run, StandardCharsets.UTF_8);
        }

        @Override
        public void run() {
            while (!stop) {
                try {
                    look();
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // a failed poll is a missed look, not a failed run
                }
            }
        }

        private void look() throws IOException, InterruptedException {
            String page = get(url);
            while (true) {
                long now = System.currentTimeMillis();
                int fresh = 0;
                int items = 0;
                Matcher id = ITEM_ID.matcher(page);
                while (id.find()) {
                    items++;
                    fresh += seen.putIfAbsent(id.group(1), now) == null ? 1 : 0;
                }
                Matcher next = NEXT_CURSOR.matcher(page);
                if (items == 0 || fresh < items || !next.find()) {
                    return;
                }
                page = get(url + "&cursor=" + URLEncoder.encode(next.group(1), StandardCharsets.UTF_8));
            }
        }
    }

    static long total(String search, String run) throws IOException, InterruptedException {
        Matcher total = TOTAL.matcher(get(search + "/api/v1/search?size=1&q=" + run));
        return total.find() ? Long.parseLong(total.group(1)) : 0;
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Proportional set size of a process and its descendants (shared pages counted once between them). */
    private static long pssKb(ProcessHandle process) throws IOException {
        long kb = 0;
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        for (ProcessHandle handle : all) {
            Path rollup = Path.of("/proc", String.valueOf(handle.pid()), "smaps_rollup");
            if (Files.isReadable(rollup)) {
                for (String line : Files.readAllLines(rollup)) {
                    if (line.startsWith("Pss:")) {
                        kb += Long.parseLong(line.replaceAll("\\D+", ""));
                    }
                }
            }
        }
        return kb;
    }
}
