package io.newsflow.bench;

import io.newsflow.enrich.entity.EntityTagger;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The enrich service's throughput, consume to publish, beside the raw NER engine alone on the same texts in the same
 * run (two threads, as the service runs two consumers). Run by {@code ./newsflow bench enrich}, with the enrich
 * service the only service running.
 *
 * <p>Arguments: number of articles (default 2000).
 */
public final class EnrichBenchmark {

    private static final int THREADS = 2; // the machine has two cores; the service runs three consumers on them

    private EnrichBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String bootstrap = System.getProperty("kafka", "localhost:9092");
        Corpus corpus = Corpus.load();
        System.out.printf("Corpus: %s; %d articles per measurement%n", corpus.name(), count);
        List<String[]> texts = new ArrayList<>();
        long characters = 0;
        for (int i = 0; i < count; i++) {
            texts.add(new String[] {corpus.title(i), corpus.text(i)});
            characters += corpus.title(i).length() + corpus.text(i).length();
        }
        System.out.printf("Mean article: %d characters%n", characters / count);

        waitForIdle(bootstrap);
        // the raw engine is measured warm: so is the service
        System.out.println("Warming the service up with 300 articles");
        service(bootstrap, texts.subList(0, Math.min(300, texts.size())));
        double service = service(bootstrap, texts);
        double raw = rawNer(texts);
        System.out.println();
        System.out.printf("raw NER engine (CoreNLP CRF, %d threads): %8.1f articles/s%n", THREADS, raw);
        System.out.printf("enrich service (consume -> publish):       %8.1f articles/s%n", service);
        System.out.printf("ratio service / raw NER:                   %8.2f (target >= 0.8)%n", service / raw);
        memory();
    }

    /** Publishes the raw articles straight to Kafka and waits until each enriched one is on the enriched topic. */
    private static double service(String bootstrap, List<String[]> texts) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> waiting = new HashSet<>();
        List<RawArticle> articles = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String url = "https://bench.newsflow.invalid/enrich/" + run + "/" + i;
            RawArticle raw = raw(url, texts.get(i)[0], texts.get(i)[1]);
            articles.add(raw);
            waiting.add(raw.id());
        }
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, run);
                KafkaProducer<String, String> producer = producer(bootstrap)) {
            consumer.subscribe(List.of(Topics.ENRICHED));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(200));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            long start = System.nanoTime();
            for (RawArticle raw : articles) {
                producer.send(new ProducerRecord<>(Topics.RAW, raw.id(), EventJson.write(raw)));
            }
            producer.flush();
            System.out.printf(
                    "Published %d raw articles in %.1f s; waiting for the enriched ones%n",
                    articles.size(), (System.nanoTime() - start) / 1e9);
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            int total = waiting.size();
            long lastReport = System.nanoTime();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    waiting.remove(record.key());
                }
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    int done = total - waiting.size();
                    System.out.printf(
                            "  %5d / %d enriched, %.1f articles/s%n", done, total, done / ((lastReport - start) / 1e9));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!waiting.isEmpty()) {
                throw new IllegalStateException(waiting.size() + " articles were not enriched within 15 minutes");
            }
            return total / seconds;
        }
    }

    /**
     * The service must start the measurement idle: articles already waiting on the raw topic (an ingest benchmark
     * leaves thousands) would be counted as its slowness.
     */
    private static void waitForIdle(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("enrich-service")
                        .partitionsToOffsetAndMetadata()
                        .get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                committed.keySet().stream()
                        .filter(p -> p.topic().equals(Topics.RAW))
                        .forEach(p -> latest.put(p, OffsetSpec.latest()));
                long lag = 0;
                for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    lag += end.getValue().offset() - (offset == null ? 0 : offset.offset());
                }
                if (lag == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the enrich service still has " + lag + " articles to enrich from"
                            + " earlier runs; wait for it, or start from an empty stack (./newsflow stop; remove"
                            + " .newsflow/run)");
                }
                System.out.printf("Waiting for the enrich service to finish %d earlier articles%n", lag);
                Thread.sleep(10_000);
            }
        }
    }

    /** The NER engine alone on the same texts, after a warm-up, on {@link #THREADS} threads. */
    static double rawNer(List<String[]> texts) throws Exception {
        EntityTagger tagger = new EntityTagger();
        for (int i = 0; i < Math.min(100, texts.size()); i++) {
            tagger.tag(texts.get(i)[0] + "\n\n" + texts.get(i)[1]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                    tagger.tag(texts.get(i)[0] + "\n\n" + texts.get(i)[1]);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return texts.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static RawArticle raw(String url, String title, String text) throws Exception {
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest((title + "\n" + text).getBytes(StandardCharsets.UTF_8)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new RawArticle(
                RawArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                1,
                url,
                "bench",
                title,
                BodyFormat.TEXT,
                text,
                null,
                null,
                List.of(),
                now,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                hash,
                now,
                url,
                null,
                List.of());
    }

    /** RSS and heap of the running enrich service. */
    private static void memory() throws Exception {
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            String command = process.info().commandLine().orElse("");
            if (command.contains("enrich-service") && command.contains("quarkus-run.jar")) {
                Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
                String rss = Files.readAllLines(status).stream()
                        .filter(line -> line.startsWith("VmRSS"))
                        .findFirst()
                        .orElse("VmRSS: ?")
                        .replaceAll("\\s+", " ");
                System.out.printf("enrich service (pid %d): %s%n", process.pid(), rss);
                Process jcmd = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                        .toString(),
                                String.valueOf(process.pid()),
                                "GC.heap_info")
                        .redirectErrorStream(true)
                        .start();
                String heap = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                heap.lines()
                        .filter(l -> l.contains("total") && l.contains("used"))
                        .findFirst()
                        .ifPresent(l -> System.out.println("  heap: " + l.strip()));
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String run) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-benchmark-" + run);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
