package io.newsflow.ingest.observability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the tracing tests point the OTLP exporter (http/protobuf): it answers every export with 200 and counts
 * them, and tells the count on {@code GET /exports}. One per JVM, found through a system property, because the
 * test profiles and the tests may live in different class loaders.
 */
final class OtlpReceiver {

    private static final String PORT_PROPERTY = "newsflow.test.otlp-receiver-port";

    private OtlpReceiver() {}

    /** The receiver's base URL, starting it on a free port the first time. */
    static synchronized String endpoint() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(start());
            System.setProperty(PORT_PROPERTY, port);
        }
        return "http://127.0.0.1:" + port;
    }

    /** How many trace exports have arrived so far. */
    static int exports() {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String body = client.send(
                            HttpRequest.newBuilder(URI.create(endpoint() + "/exports"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return Integer.parseInt(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger exports = new AtomicInteger();
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] answer = new byte[0];
                if ("POST".equals(exchange.getRequestMethod())
                        && exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                    exports.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                } else if ("GET".equals(exchange.getRequestMethod())) {
                    answer = Integer.toString(exports.get()).getBytes(StandardCharsets.UTF_8);
                }
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
