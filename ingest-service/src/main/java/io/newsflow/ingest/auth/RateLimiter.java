package io.newsflow.ingest.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A token bucket per API key: {@code requests-per-second} on average, bursts up to twice that. */
@ApplicationScoped
public class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(
            @ConfigProperty(name = "newsflow.rate-limit.requests-per-second", defaultValue = "200") double perSecond) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond * 2);
    }

    /**
     * Takes one request's token for the key.
     *
     * @return 0 when the request may go ahead, else the seconds to wait before the next one would
     */
    public long acquire(String keyHash) {
        return buckets.computeIfAbsent(keyHash, k -> new Bucket(burst)).take(perSecond, burst, System.nanoTime());
    }

    /** Buckets that have refilled are the same as no bucket: drop them so idle keys cost no memory. */
    @Scheduled(every = "1m")
    void forgetFullBuckets() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.full(perSecond, burst, now));
    }

    private static final class Bucket {
        private double tokens;
        private long updated = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized long take(double perSecond, double burst, long now) {
            refill(perSecond, burst, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }

        synchronized boolean full(double perSecond, double burst, long now) {
            refill(perSecond, burst, now);
            return tokens >= burst;
        }

        private void refill(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
        }
    }
}
