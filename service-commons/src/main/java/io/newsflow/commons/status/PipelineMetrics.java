package io.newsflow.commons.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The meters every service keeps the same way: {@code newsflow.<service>.articles.in}, {@code .out},
 * {@code .failed} (tag {@code reason}) and {@code .stage.latency} (tag {@code stage}). Callers look a meter up
 * once and keep it, so counting an article costs an increment, not a registry look-up.
 */
@Singleton
public class PipelineMetrics {

    private final MeterRegistry registry;
    private final String prefix;
    private final String service;
    private final Counter in;
    private final Counter out;
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();

    PipelineMetrics(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.registry = registry;
        // the meters are named after the service's short name: ingest-service counts newsflow.ingest.*
        this.service = application.replaceFirst("-service$", "");
        this.prefix = "newsflow." + service + ".";
        this.in = Counter.builder(prefix + "articles.in")
                .description("Articles this service took in")
                .register(registry);
        this.out = Counter.builder(prefix + "articles.out")
                .description("Articles this service passed on")
                .register(registry);
    }

    /** {@code ingest}, {@code enrich} or {@code search}. */
    public String service() {
        return service;
    }

    /** The full name of one of this service's meters: {@code newsflow.<service>.<thing>}. */
    public String name(String thing) {
        return prefix + thing;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public Counter in() {
        return in;
    }

    public Counter out() {
        return out;
    }

    /** The failure counter for one reason; registered on first use, so call it once and keep the counter. */
    public Counter failed(String reason) {
        return failed.computeIfAbsent(
                reason,
                r -> Counter.builder(prefix + "articles.failed")
                        .description("Articles this service could not take or pass on, by reason")
                        .tag("reason", r)
                        .register(registry));
    }

    /** The latency timer of one stage, with a histogram so p50/p99 can be computed across instances. */
    public Timer stage(String stage) {
        return Timer.builder(prefix + "stage.latency")
                .description("Time spent in one stage of this service's work")
                .tag("stage", stage)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Articles taken in, passed on and failed since the process started. */
    public ArticleCounts counts() {
        double failures = failed.values().stream().mapToDouble(Counter::count).sum();
        return new ArticleCounts((long) in.count(), (long) out.count(), (long) failures);
    }

    public record ArticleCounts(long in, long out, long failed) {}
}
