package io.newsflow.commons.status;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Articles per second over the last minute, from samples of the ever-growing in and out counts. A rate needs two
 * counts some time apart: the newest sample at least a window old is the baseline (before the first minute is
 * over, the oldest sample, the process start).
 */
public final class RateWindow {

    private final long windowMillis;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public RateWindow(long windowMillis, long startMillis) {
        this.windowMillis = windowMillis;
        samples.add(new Sample(startMillis, 0, 0));
    }

    /** Records the counts at a time; samples older than the one a window back are dropped. */
    public synchronized void sample(long atMillis, long in, long out) {
        samples.addLast(new Sample(atMillis, in, out));
        while (samples.size() > 1) {
            var iterator = samples.iterator();
            iterator.next();
            Sample second = iterator.next();
            if (atMillis - second.atMillis() < windowMillis) {
                break;
            }
            samples.removeFirst();
        }
    }

    /** The rates from the baseline sample to the given counts now; zero when no time has passed. */
    public synchronized Rates rates(long nowMillis, long in, long out) {
        Sample base = samples.getFirst();
        for (Sample sample : samples) {
            if (nowMillis - sample.atMillis() >= windowMillis) {
                base = sample;
            }
        }
        double seconds = (nowMillis - base.atMillis()) / 1000.0;
        if (seconds <= 0) {
            return new Rates(0, 0);
        }
        return new Rates((in - base.in()) / seconds, (out - base.out()) / seconds);
    }

    public record Rates(double in, double out) {}

    private record Sample(long atMillis, long in, long out) {}
}
