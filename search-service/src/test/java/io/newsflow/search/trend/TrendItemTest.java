package io.newsflow.search.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendItemTest {

    @Test
    void theLastIntervalAgainstTheMeanOfThePreviousOnes() {
        Trends.Item surging = Trends.Item.of("medtop:1", "x", 10, List.of(1L, 1L, 0L, 8L));
        assertThat(surging.last()).isEqualTo(8);
        assertThat(surging.previousMean()).isEqualTo(0.667);
        assertThat(surging.rise()).isEqualTo(5.4);
        assertThat(surging.rising()).isTrue();

        Trends.Item falling = Trends.Item.of("medtop:2", "y", 13, List.of(2L, 2L, 2L, 1L));
        assertThat(falling.rise()).isEqualTo(0.667);
        assertThat(falling.rising()).isFalse();

        Trends.Item single = Trends.Item.of("medtop:3", "z", 3, List.of(3L));
        assertThat(single.previousMean()).isZero();
        assertThat(single.rising()).isTrue();
    }
}
