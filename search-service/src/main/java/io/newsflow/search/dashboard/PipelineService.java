package io.newsflow.search.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.commons.auth.AdminKeyFilter;
import io.newsflow.search.stats.Freshness;
import io.newsflow.search.stats.FreshnessService;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gathers the pipeline's health from where it is known: each service's status endpoint, the dead-letter topic,
 * this index's freshness and the ingest service's feed health, all at once, each part on its own (one that
 * fails is marked unavailable and the others still show).
 */
@ApplicationScoped
public class PipelineService {

    static final String STATUS_PATH = "/api/v1/status";
    static final String FEEDS_HEALTH_PATH = "/api/v1/feeds/health";
    static final int MAX_FEEDS = 20;

    private final DashboardConfig config;
    private final StatusClient client;
    private final DeadLetterReader deadLetters;
    private final FreshnessService freshness;
    private final HttpServer server;
    private final Optional<String> adminKey;

    PipelineService(
            DashboardConfig config,
            StatusClient client,
            DeadLetterReader deadLetters,
            FreshnessService freshness,
            HttpServer server,
            @ConfigProperty(name = "newsflow.admin-key") Optional<String> adminKey) {
        this.config = config;
        this.client = client;
        this.deadLetters = deadLetters;
        this.freshness = freshness;
        this.server = server;
        this.adminKey = adminKey.filter(key -> !key.isBlank()).map(String::strip);
    }

    public PipelineHealth health() {
        Map<String, String> urls = Map.of(
                "ingest", trimmed(config.ingestUrl()),
                "enrich", trimmed(config.enrichUrl()),
                "search", trimmed(config.searchUrl().orElseGet(() -> "http://localhost:" + server.getPort())));
        List<String> order = List.of("ingest", "enrich", "search");
        List<CompletableFuture<PipelineHealth.ServiceHealth>> statuses = new ArrayList<>();
        for (String service : order) {
            String url = urls.get(service);
            statuses.add(client.get(url + STATUS_PATH, Map.of())
                    .handle((status, failure) -> failure == null
                            ? new PipelineHealth.ServiceHealth(service, url, true, null, status)
                            : new PipelineHealth.ServiceHealth(service, url, false, why(failure), null)));
        }
        CompletableFuture<PipelineHealth.Feeds> feeds = feeds(urls.get("ingest"));
        // the Kafka and Elasticsearch reads run here while the HTTP calls are under way
        PipelineHealth.DeadLetters letters = deadLetters.read();
        PipelineHealth.Delay delay = delay();
        return new PipelineHealth(
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                statuses.stream().map(CompletableFuture::join).toList(),
                letters,
                delay,
                feeds.join());
    }

    private CompletableFuture<PipelineHealth.Feeds> feeds(String ingestUrl) {
        if (adminKey.isEmpty()) {
            return CompletableFuture.completedFuture(new PipelineHealth.Feeds(
                    false, "no admin key configured (NEWSFLOW_ADMIN_KEY) to read them with", null, null, null));
        }
        return client.get(ingestUrl + FEEDS_HEALTH_PATH, Map.of(AdminKeyFilter.HEADER, adminKey.get()))
                .handle((list, failure) -> {
                    if (failure != null) {
                        return new PipelineHealth.Feeds(false, why(failure), null, null, null);
                    }
                    List<JsonNode> all =
                            StreamSupport.stream(list.spliterator(), false).toList();
                    int failing =
                            (int) all.stream().filter(PipelineService::failing).count();
                    return new PipelineHealth.Feeds(
                            true, null, all.size(), failing, all.subList(0, Math.min(MAX_FEEDS, all.size())));
                });
    }

    private static boolean failing(JsonNode feed) {
        return feed.path("consecutiveFailures").asInt() > 0
                || !feed.path("enabled").asBoolean(true);
    }

    private PipelineHealth.Delay delay() {
        try {
            Freshness fresh = freshness.freshness();
            Freshness.Percentiles millis = fresh.delayMillis();
            return new PipelineHealth.Delay(
                    true,
                    null,
                    fresh.articles(),
                    millis == null ? null : millis.p50(),
                    millis == null ? null : millis.p99());
        } catch (RuntimeException e) {
            return new PipelineHealth.Delay(false, "Elasticsearch cannot answer now", null, null, null);
        }
    }

    private static String why(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof StatusClient.UnavailableException ? cause.getMessage() : "no answer";
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
