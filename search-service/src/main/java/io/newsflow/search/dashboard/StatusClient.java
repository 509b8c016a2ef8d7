package io.newsflow.search.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Reads another service's JSON (its status, the feeds' health) with short timeouts: a slow service is "down". */
@ApplicationScoped
public class StatusClient {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    // HTTP/1.1: the services speak it, and the client's h2c upgrade attempt would only cost a round trip
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final ObjectMapper json;

    StatusClient(ObjectMapper json) {
        this.json = json;
    }

    /** The JSON at {@code url}; fails with {@link UnavailableException} saying why when there is none. */
    public CompletableFuture<JsonNode> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json");
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new UnavailableException("no answer from " + url);
                    }
                    if (response.statusCode() != 200) {
                        throw new UnavailableException("HTTP " + response.statusCode() + " from " + url);
                    }
                    try {
                        return json.readTree(response.body());
                    } catch (IOException e) {
                        throw new UnavailableException("not JSON from " + url);
                    }
                });
    }

    /** Why a source of the dashboard gave nothing, in words for the operator. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
