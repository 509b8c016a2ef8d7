package io.newsflow.commons.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateWindowTest {

    private static final long MINUTE = 60_000;

    @Test
    void beforeAMinuteHasPassedTheRateRunsFromTheStart() {
        RateWindow window = new RateWindow(MINUTE, 0);
        window.sample(5_000, 50, 40);

        RateWindow.Rates rates = window.rates(10_000, 100, 80);

        assertThat(rates.in()).isCloseTo(10.0, within(1e-9));
        assertThat(rates.out()).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void afterAMinuteOnlyTheLastMinuteCounts() {
        RateWindow window = new RateWindow(MINUTE, 0);
        // a burst of 6,000 in the first five seconds, then 1 a second
        window.sample(5_000, 6_000, 6_000);
        for (long t = 10_000; t <= 120_000; t += 5_000) {
            long counted = 6_000 + (t - 5_000) / 1_000;
            window.sample(t, counted, counted);
        }

        RateWindow.Rates rates = window.rates(120_000, 6_115, 6_115);

        assertThat(rates.in()).isCloseTo(1.0, within(1e-9));
        assertThat(rates.out()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void noTimeNoRate() {
        RateWindow window = new RateWindow(MINUTE, 1_000);

        assertThat(window.rates(1_000, 5, 5)).isEqualTo(new RateWindow.Rates(0, 0));
    }
}
