package io.newsflow.commons.status;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/status} on every service, with no key: the numbers an operator's page shows, from the
 * service's own meters and readiness checks, so nothing on the page is invented.
 */
@Path("/api/v1/status")
@Tag(name = "Status")
@Produces(MediaType.APPLICATION_JSON)
// created at start, so the rate window begins with the process and not with the first question
@Startup
@Singleton
public class StatusResource {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final PipelineMetrics metrics;
    private final ConsumerLagMonitor lag;
    private final SmallRyeHealthReporter health;
    private final RateWindow rates = new RateWindow(WINDOW.toMillis(), System.currentTimeMillis());

    StatusResource(PipelineMetrics metrics, ConsumerLagMonitor lag, SmallRyeHealthReporter health) {
        this.metrics = metrics;
        this.lag = lag;
        this.health = health;
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        PipelineMetrics.ArticleCounts counts = metrics.counts();
        rates.sample(System.currentTimeMillis(), counts.in(), counts.out());
    }

    @GET
    @Operation(
            summary = "Articles in, out and failed, rates over the last minute, consumer lag, dependencies",
            description = "Counts since the process started; consumerLag is null for ingest (and while unknown);"
                    + " checks name kafka, postgresql, elasticsearch where the service uses them.")
    public Uni<ServiceStatus> status() {
        PipelineMetrics.ArticleCounts counts = metrics.counts();
        RateWindow.Rates perSecond = rates.rates(System.currentTimeMillis(), counts.in(), counts.out());
        OptionalLong consumerLag = lag.lag();
        return health.getReadinessAsync()
                .map(readiness -> new ServiceStatus(
                        metrics.service(),
                        counts,
                        perSecond,
                        consumerLag.isPresent() ? consumerLag.getAsLong() : null,
                        DependencyChecks.of(readiness.getPayload())));
    }
}
