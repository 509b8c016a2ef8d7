package io.newsflow.ingest.feed;

import io.newsflow.commons.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a feed with a conditional GET (ETag, Last-Modified), following at most three redirects, each
 * checked by {@link FeedUrlGuard}, and reading at most 10 MB.
 */
@ApplicationScoped
public class FeedFetcher {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Duration READ_DEADLINE = Duration.ofSeconds(60);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "feed-read-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final int MAX_REDIRECTS = 3;

    private final FeedUrlGuard guard;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    FeedFetcher(FeedUrlGuard guard) {
        this.guard = guard;
    }

    /** What a fetch returned; {@code body} is null when the feed has not changed (304). */
    public record Fetched(byte[] body, String contentType, String etag, String lastModified) {
        boolean notModified() {
            return body == null;
        }
    }

    /** A fetch that failed: the message is what the feed's health record shows. */
    public static class FetchException extends Exception {
        FetchException(String message) {
            super(message);
        }
    }

    public Fetched fetch(String url, String etag, String lastModified) throws FetchException, InterruptedException {
        URI uri = checked(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request;
            try {
                request = conditional(HttpRequest.newBuilder(uri), etag, lastModified);
            } catch (IllegalArgumentException e) {
                throw new FetchException("cannot build the request: " + e.getMessage());
            }
            request.timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "newsflow-feed-poller/0.1")
                    .header(
                            "Accept",
                            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5");
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new FetchException("cannot fetch " + uri + ": "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
            int status = response.statusCode();
            if (status == 304) {
                close(response);
                return new Fetched(null, null, etag, lastModified);
            }
            if (status >= 300
                    && status < 400
                    && response.headers().firstValue("Location").isPresent()) {
                close(response);
                uri = checked(
                        uri.resolve(response.headers().firstValue("Location").get())
                                .toString());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new FetchException("HTTP " + status + " from " + uri);
            }
            return new Fetched(
                    read(response.body()),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
        throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private static HttpRequest.Builder conditional(HttpRequest.Builder request, String etag, String lastModified) {
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        return request;
    }

    private URI checked(String url) throws FetchException {
        try {
            return guard.check(url, "url");
        } catch (InvalidInputException e) {
            throw new FetchException("refused: " + e.getMessage());
        }
    }

    /** Reads at most {@link #MAX_BYTES} within {@link #READ_DEADLINE}: a trickling server cannot hold the poller. */
    private static byte[] read(InputStream body) throws FetchException {
        var deadline = WATCHDOG.schedule(
                () -> {
                    try {
                        body.close();
                    } catch (IOException ignored) {
                        // closing is all the watchdog can do
                    }
                },
                READ_DEADLINE.toSeconds(),
                TimeUnit.SECONDS);
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > MAX_BYTES) {
                    throw new FetchException("the feed is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FetchException(
                    deadline.isDone()
                            ? "reading the feed took longer than " + READ_DEADLINE.toSeconds() + " s"
                            : "reading the feed failed: " + e.getMessage());
        } finally {
            deadline.cancel(false);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to read from it anyway
        }
    }
}
