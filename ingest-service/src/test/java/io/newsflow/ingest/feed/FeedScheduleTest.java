package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedScheduleTest {

    private final FeedSchedule schedule = new FeedSchedule(Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void aBusyFeedIsPolledMoreOftenAndAQuietOneLessWithinBounds() {
        assertThat(schedule.nextInterval(600, 3)).isEqualTo(300);
        assertThat(schedule.nextInterval(600, 0)).isEqualTo(900);
        assertThat(schedule.nextInterval(90, 5)).isEqualTo(60);
        assertThat(schedule.nextInterval(3000, 0)).isEqualTo(3600);
    }

    @Test
    void failuresBackOffExponentiallyUpToSixHours() {
        assertThat(schedule.backoff(300, 1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.backoff(300, 2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.backoff(300, 3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(schedule.backoff(300, 30)).isEqualTo(Duration.ofHours(6));
    }
}
