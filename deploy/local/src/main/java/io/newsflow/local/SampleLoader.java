package io.newsflow.local;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts a JSON-lines corpus to the ingest service and waits until the search service finds all of it. */
final class SampleLoader {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String searchUrl;

    SampleLoader(String ingestUrl, String searchUrl) {
        this.ingestUrl = ingestUrl;
        this.searchUrl = searchUrl;
    }

    /** Returns how many articles the ingest service accepted. */
    int load(Path corpus) throws IOException, InterruptedException {
        List<String> articles = Files.readAllLines(corpus, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        Semaphore inFlight = new Semaphore(8);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        for (String article : articles) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/articles"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(article))
                    .build();
            CompletableFuture<HttpResponse<String>> response =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            response.whenComplete((answer, failure) -> {
                inFlight.release();
                if (failure == null && answer.statusCode() == 202) {
                    accepted.incrementAndGet();
                } else if (rejected.incrementAndGet() <= 3) {
                    System.err.println("  rejected: "
                            + (failure != null ? failure.getMessage() : answer.statusCode() + " " + answer.body()));
                }
            });
        }
        inFlight.acquire(8);
        System.out.printf(
                "  posted %d articles: %d accepted, %d rejected%n", articles.size(), accepted.get(), rejected.get());
        return accepted.get();
    }

    /** Waits until a match-all search counts at least {@code expected} articles; returns the count. */
    long awaitSearchable(long expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            total = count("");
            if (total >= expected) {
                return total;
            }
            Thread.sleep(500);
        }
        throw new StackException("Only " + total + " of " + expected + " sample articles are searchable after "
                + timeout.toSeconds() + " s; see the services' logs");
    }

    long count(String query) throws IOException, InterruptedException {
        String url = searchUrl + "/api/v1/search?size=1"
                + (query.isEmpty() ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = TOTAL.matcher(response.body());
        return response.statusCode() == 200 && matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
