package io.newsflow.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a JSON-lines corpus through the ingest API as a demo source would, and waits until the search service
 * finds all of it.
 */
final class SampleLoader {

    static final String DEMO_SOURCE = "Demo newsroom";

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final String NO_ARTICLE = "/api/v1/articles/00000000-0000-5000-8000-000000000000";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String searchUrl;

    SampleLoader(String ingestUrl, String searchUrl) {
        this.ingestUrl = ingestUrl;
        this.searchUrl = searchUrl;
    }

    /**
     * The demo source's API key, kept in {@code keyFile}: registered with the admin key the first time (or when
     * the kept key no longer works).
     */
    String demoSourceKey(String adminKey, Path keyFile) throws IOException, InterruptedException {
        if (Files.exists(keyFile)) {
            String kept = Files.readString(keyFile).strip();
            if (send(get(NO_ARTICLE).header("X-Api-Key", kept)).statusCode() == 404) {
                return kept;
            }
        }
        HttpResponse<String> created = createDemoSource(adminKey);
        if (created.statusCode() == 409) {
            // registered by an earlier run whose key is lost: replace it
            HttpResponse<String> list = send(get("/api/v1/sources").header("X-Api-Key", adminKey));
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"name\"\\s*:\\s*\"" + DEMO_SOURCE + "\"")
                    .matcher(list.body());
            if (id.find()) {
                send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/sources/" + id.group(1)))
                        .header("X-Api-Key", adminKey)
                        .DELETE());
            }
            created = createDemoSource(adminKey);
        }
        Matcher key = API_KEY.matcher(created.body());
        if (created.statusCode() != 201 || !key.find()) {
            throw new StackException(
                    "Could not register the demo source: " + created.statusCode() + " " + created.body());
        }
        Files.deleteIfExists(keyFile);
        // readable by its owner only from its first byte
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, key.group(1));
        return key.group(1);
    }

    /** Posts the corpus as one NDJSON request; returns how many distinct articles the answer names. */
    int load(Path corpus, String sourceKey) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/articles"))
                .header("Content-Type", "application/x-ndjson")
                .header("X-Api-Key", sourceKey)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofFile(corpus)));
        if (response.statusCode() != 202) {
            throw new StackException(
                    "The ingest service refused the sample: " + response.statusCode() + " " + response.body());
        }
        int taken = 0;
        int rejected = 0;
        Matcher status = STATUS.matcher(response.body());
        while (status.find()) {
            if (status.group(1).equals("rejected")) {
                rejected++;
            } else {
                taken++;
            }
        }
        System.out.printf("  %d articles taken (accepted, updated or already there), %d rejected%n", taken, rejected);
        return taken;
    }

    /** Waits until a match-all search counts at least {@code expected} articles; returns the count. */
    long awaitSearchable(long expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            total = total();
            if (total >= expected) {
                return total;
            }
            Thread.sleep(500);
        }
        throw new StackException("Only " + total + " of " + expected + " sample articles are searchable after "
                + timeout.toSeconds() + " s; see the services' logs");
    }

    /** How many articles a match-all search counts. */
    private long total() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(searchUrl + "/api/v1/search?size=1")));
        Matcher matcher = TOTAL.matcher(response.body());
        return response.statusCode() == 200 && matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private HttpResponse<String> createDemoSource(String adminKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/sources"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", adminKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + DEMO_SOURCE + "\"}")));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(ingestUrl + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
