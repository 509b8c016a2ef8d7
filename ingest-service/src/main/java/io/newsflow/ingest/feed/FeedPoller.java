package io.newsflow.ingest.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.commons.problem.ServiceUnavailableException;
import io.newsflow.commons.status.PipelineMetrics;
import io.newsflow.ingest.article.ArticleService;
import io.newsflow.ingest.article.IngestResult;
import io.newsflow.ingest.article.SubmittedItem;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Polls the subscribed feeds that are due, one request at a time per host and no sooner than the host delay
 * after the last one, and records each poll in the subscription's health record.
 */
// created at start, so its meters are exported before the first article or poll
@Startup
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    /** When the pipeline itself (Kafka, PostgreSQL) is down, try the feed again soon: it is not the feed's fault. */
    private static final Duration PIPELINE_RETRY = Duration.ofSeconds(30);

    private final FeedSubscriptionRepository subscriptions;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ArticleService articles;
    private final FeedsConfig config;
    private final FeedSchedule schedule;
    private final Map<String, Instant> hostFreeAt = new ConcurrentHashMap<>();
    private final AtomicLong failing = new AtomicLong();
    private final Counter polledOk;
    private final Counter polledNotModified;
    private final Counter polledFailed;
    private final Counter polledPipelineDown;

    FeedPoller(
            FeedSubscriptionRepository subscriptions,
            FeedFetcher fetcher,
            FeedParser parser,
            ArticleService articles,
            FeedsConfig config,
            PipelineMetrics metrics) {
        this.subscriptions = subscriptions;
        this.fetcher = fetcher;
        this.parser = parser;
        this.articles = articles;
        this.config = config;
        this.schedule = new FeedSchedule(config.minInterval(), config.maxInterval());
        Gauge.builder(metrics.name("feeds.failing"), failing, AtomicLong::get)
                .description("Subscribed feeds whose last poll failed, disabled ones included")
                .register(metrics.registry());
        this.polledOk = polls(metrics, "success");
        this.polledNotModified = polls(metrics, "not-modified");
        this.polledFailed = polls(metrics, "failure");
        // the feed answered but Kafka or PostgreSQL could not take its items: not the feed's fault
        this.polledPipelineDown = polls(metrics, "pipeline-unavailable");
    }

    private static Counter polls(PipelineMetrics metrics, String outcome) {
        return Counter.builder(metrics.name("feeds.polls"))
                .description("Feed polls, by outcome")
                .tag("outcome", outcome)
                .register(metrics.registry());
    }

    @Scheduled(
            every = "${newsflow.feeds.tick:5s}",
            delayed = "${newsflow.feeds.first-tick-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() throws InterruptedException {
        pollDue();
        // sampled here, on the poller's own beat, rather than queried by every metrics scrape
        failing.set(await(subscriptions::countFailing));
    }

    /** Polls what is due now and its host allows; returns how many feeds it polled. */
    public int pollDue() throws InterruptedException {
        Instant now = Instant.now();
        List<FeedSubscriptionEntity> due = await(() -> subscriptions.due(now, config.batchSize()));
        int polled = 0;
        for (FeedSubscriptionEntity subscription : due) {
            String host = URI.create(subscription.url).getHost();
            Instant free = hostFreeAt.getOrDefault(host, Instant.MIN);
            if (free.isAfter(Instant.now())) {
                continue;
            }
            hostFreeAt.put(host, Instant.now().plus(config.hostDelay()));
            poll(subscription);
            polled++;
        }
        return polled;
    }

    private void poll(FeedSubscriptionEntity subscription) throws InterruptedException {
        Instant polledAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(subscription.url, subscription.etag, subscription.lastModified);
            if (fetched.notModified()) {
                polledNotModified.increment();
                record(subscription, success(polledAt, 0, 0, fetched));
                return;
            }
            FeedParser.ParsedFeed feed = parser.parse(fetched.body(), fetched.contentType(), subscription.url);
            List<SubmittedItem> items = new ArrayList<>();
            for (int i = 0; i < feed.items().size(); i++) {
                items.add(SubmittedItem.of(i, FeedArticles.of(feed, feed.items().get(i))));
            }
            List<IngestResult> results =
                    items.isEmpty() ? List.of() : articles.ingestAndWait(items, subscription.sourceId.toString());
            int fresh = (int) results.stream()
                    .filter(r ->
                            r.status() == IngestResult.Status.ACCEPTED || r.status() == IngestResult.Status.UPDATED)
                    .count();
            polledOk.increment();
            record(subscription, success(polledAt, fresh, feed.items().size(), fetched));
        } catch (FeedFetcher.FetchException | InvalidInputException e) {
            polledFailed.increment();
            record(subscription, failure(polledAt, e.getMessage()));
        } catch (ServiceUnavailableException e) {
            polledPipelineDown.increment();
            LOG.warnf("Feed %s not taken, the pipeline is unavailable: %s", subscription.url, e.getMessage());
            record(subscription, s -> s.nextPollAt = polledAt.plus(PIPELINE_RETRY));
        } catch (RuntimeException e) {
            // whatever else one feed does wrong must not stall the others: it is that feed's failure
            LOG.warnf(e, "Polling feed %s failed", subscription.url);
            polledFailed.increment();
            record(subscription, failure(polledAt, "unexpected: " + e));
        }
    }

    private Consumer<FeedSubscriptionEntity> success(Instant at, int fresh, int items, FeedFetcher.Fetched fetched) {
        return s -> {
            s.lastPolledAt = at;
            s.lastSuccessAt = at;
            s.consecutiveFailures = 0;
            s.itemsSeen += items;
            s.lastNewItems = fresh;
            s.etag = fetched.etag();
            s.lastModified = fetched.lastModified();
            s.intervalSeconds = schedule.nextInterval(s.intervalSeconds, fresh);
            s.nextPollAt = at.plusSeconds(s.intervalSeconds);
        };
    }

    private Consumer<FeedSubscriptionEntity> failure(Instant at, String error) {
        return s -> {
            s.lastPolledAt = at;
            s.lastErrorAt = at;
            s.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
            s.consecutiveFailures++;
            s.nextPollAt = at.plus(schedule.backoff(s.intervalSeconds, s.consecutiveFailures));
            if (s.consecutiveFailures >= config.disableAfterFailures()) {
                s.enabled = false;
                LOG.warnf("Feed %s disabled after %d failures in a row: %s", s.url, s.consecutiveFailures, s.lastError);
            }
        };
    }

    private void record(FeedSubscriptionEntity subscription, Consumer<FeedSubscriptionEntity> change)
            throws InterruptedException {
        await(() -> subscriptions.update(subscription.id, change));
    }

    private static <T> T await(Supplier<io.smallrye.mutiny.Uni<T>> work) throws InterruptedException {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
