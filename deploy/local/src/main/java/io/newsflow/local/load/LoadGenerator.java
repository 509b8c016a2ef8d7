package io.newsflow.local.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes articles through the ingest API as newsrooms would: JSON batches at a fixed rate (or as fast as the
 * service takes them), each batch retried until the service answers {@code 202}, as a client with nothing to
 * lose would. Records when each article was accepted, so the caller can check what became searchable and how
 * fast.
 */
public final class LoadGenerator {

    /**
     * @param ratePerSecond articles per second; 0 for as fast as the service takes them
     * @param giveUpAfter how long one batch is retried before it counts as not accepted
     */
    public record Settings(
            String ingestUrl,
            String apiKey,
            int articles,
            double ratePerSecond,
            int batchSize,
            int concurrency,
            Duration giveUpAfter) {

        public Settings {
            if (articles < 1 || batchSize < 1 || concurrency < 1 || ratePerSecond < 0) {
                throw new IllegalArgumentException("articles, batch size and concurrency must be positive");
            }
        }

        public static Settings of(String ingestUrl, String apiKey, int articles, double ratePerSecond) {
            return new Settings(ingestUrl, apiKey, articles, ratePerSecond, 10, 8, Duration.ofMinutes(5));
        }
    }

    /**
     * @param acceptedAt each accepted article's id and the moment (epoch milliseconds) its {@code 202} arrived
     * @param notAccepted articles whose batch was given up, or that the service rejected
     */
    public record Result(Map<String, Long> acceptedAt, int notAccepted, long requests, long retries, Duration elapsed) {

        public double articlesPerSecond() {
            return acceptedAt.size() / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }
    }

    private static final Pattern RESULT =
            Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*?\"status\"\\s*:\\s*\"(\\w+)\"");

    private final Settings settings;
    private final IntFunction<String> article;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final AtomicInteger nextBatch = new AtomicInteger();
    private final AtomicInteger notAccepted = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();

    /** @param article the n-th article of the load as an ingest JSON object, each with its own URL */
    public LoadGenerator(Settings settings, IntFunction<String> article) {
        this.settings = settings;
        this.article = article;
    }

    /** Runs the load to the end; prints a progress bar to {@code progress} when it is not null. */
    public Result run(PrintStream progress) throws InterruptedException {
        int batches = (settings.articles() + settings.batchSize() - 1) / settings.batchSize();
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.concurrency(); i++) {
            running.add(workers.submit(() -> work(batches, start)));
        }
        workers.shutdown();
        while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
            if (progress != null) {
                printProgress(progress, start);
            }
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("A load worker failed", e.getCause());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (progress != null) {
            printProgress(progress, start);
            progress.println();
        }
        return new Result(Map.copyOf(acceptedAt), notAccepted.get(), requests.sum(), retries.sum(), elapsed);
    }

    private Void work(int batches, long start) throws InterruptedException {
        for (int batch = nextBatch.getAndIncrement(); batch < batches; batch = nextBatch.getAndIncrement()) {
            int first = batch * settings.batchSize();
            int last = Math.min(first + settings.batchSize(), settings.articles());
            if (settings.ratePerSecond() > 0) {
                long due = start + (long) (first / settings.ratePerSecond() * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            StringBuilder body = new StringBuilder("[");
            for (int n = first; n < last; n++) {
                body.append(n == first ? "" : ",").append(article.apply(n));
            }
            send(body.append(']').toString(), last - first);
        }
        return null;
    }

    /** Sends one batch until it is answered with 202 (retrying refusals and outages), or gives up. */
    private void send(String batch, int size) throws InterruptedException {
        long giveUpAt = System.nanoTime() + settings.giveUpAfter().toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.ingestUrl() + "/api/v1/articles"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", settings.apiKey())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(batch, StandardCharsets.UTF_8))
                .build();
        while (true) {
            requests.increment();
            Duration pause = Duration.ofSeconds(1);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    record(response.body(), size);
                    return;
                }
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    throw new IllegalStateException(
                            "The ingest service refused a batch: " + response.statusCode() + " " + response.body());
                }
                pause = response.headers()
                        .firstValue("Retry-After")
                        .map(seconds -> Duration.ofSeconds(Math.min(Long.parseLong(seconds.strip()), 5)))
                        .orElse(pause);
            } catch (IOException e) {
                // the service is down or restarting: the batch is retried, as a client would
            }
            if (System.nanoTime() > giveUpAt) {
                notAccepted.addAndGet(size);
                return;
            }
            retries.increment();
            Thread.sleep(pause.toMillis());
        }
    }

    private void record(String body, int size) {
        long now = System.currentTimeMillis();
        int taken = 0;
        Matcher result = RESULT.matcher(body);
        while (result.find()) {
            if (!result.group(2).equals("rejected")) {
                acceptedAt.putIfAbsent(result.group(1), now);
                taken++;
            }
        }
        notAccepted.addAndGet(size - taken);
    }

    private void printProgress(PrintStream out, long start) {
        int width = 30;
        int done = acceptedAt.size() + notAccepted.get();
        int filled = (int) ((long) width * done / settings.articles());
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                "\r  [%s%s] %,d/%,d articles accepted, %.0f/s, %,d retries ",
                "#".repeat(filled),
                " ".repeat(width - filled),
                acceptedAt.size(),
                settings.articles(),
                acceptedAt.size() / Math.max(seconds, 1e-9),
                retries.sum());
        out.flush();
    }
}
