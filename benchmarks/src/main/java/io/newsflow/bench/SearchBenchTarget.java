package io.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.EventJson;
import io.newsflow.local.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Where the index and search benchmarks point: the running stack by default; system properties
 * {@code bench.elasticsearch}, {@code bench.kafka}, {@code bench.search} and {@code bench.alias} point them
 * elsewhere (another stack, a search service started by hand). Also the few Elasticsearch calls both make.
 */
record SearchBenchTarget(
        String elasticsearch, String kafka, String search, String alias, String versions, HttpClient http) {

    static final Path DEFINITIONS = Path.of("search-service", "src", "main", "resources", "elasticsearch");

    static SearchBenchTarget fromSystemProperties() {
        StackConfig config = StackConfig.run();
        return new SearchBenchTarget(
                System.getProperty("bench.elasticsearch", "http://" + config.elasticsearchHost()),
                System.getProperty("bench.kafka", config.kafkaBootstrapServers()),
                System.getProperty("bench.search", "http://127.0.0.1:" + config.searchPort()),
                System.getProperty("bench.alias", "articles"),
                System.getProperty("bench.versions", "article-versions"),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "Elasticsearch %s, Kafka %s, search API %s, alias %s",
                elasticsearch,
                kafka,
                search,
                alias);
    }

    JsonNode es(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(elasticsearch + path))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return EventJson.mapper().readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    long count(String index, String sourceId) throws IOException, InterruptedException {
        return es("POST", "/" + index + "/_count", "{\"query\":{\"term\":{\"sourceId\":\"" + sourceId + "\"}}}")
                .path("count")
                .asLong();
    }

    /** Creates an index with the search service's own definition, so raw and service index the same way. */
    void createIndex(String index, String definition) throws IOException, InterruptedException {
        es("PUT", "/" + index, Files.readString(DEFINITIONS.resolve(definition + ".json")));
    }

    /** Removes the benchmark's documents again, so the stack's searches do not find them. */
    void delete(String index, List<String> ids) throws IOException, InterruptedException {
        for (int from = 0; from < ids.size(); from += 1_000) {
            StringBuilder bulk = new StringBuilder();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 1_000))) {
                bulk.append("{\"delete\":{\"_index\":\"")
                        .append(index)
                        .append("\",\"_id\":\"")
                        .append(id)
                        .append("\"}}\n");
            }
            es("POST", "/_bulk", bulk.toString());
        }
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
