package io.newsflow.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.topic.MediaTopics.MediaTopic;
import org.junit.jupiter.api.Test;

class MediaTopicsTest {

    private static final MediaTopics TOPICS = MediaTopics.load();

    @Test
    void knowsItsReleaseAndTheSeventeenTopLevelTopics() {
        assertThat(TOPICS.release()).isEqualTo("2025-10-09");
        assertThat(TOPICS.topLevels())
                .hasSize(17)
                .extracting(MediaTopic::label)
                .contains("politics and government", "economy, business and finance", "sport");
    }

    @Test
    void findsAConceptWithItsParentChain() {
        MediaTopic football = TOPICS.get("medtop:20001065");

        assertThat(football.label()).isEqualTo("football");
        assertThat(football.level()).isEqualTo(3);
        assertThat(TOPICS.ancestors("medtop:20001065"))
                .extracting(MediaTopic::code)
                .containsExactly("medtop:20000822", "medtop:15000000");
        assertThat(TOPICS.topLevel("medtop:20001065").label()).isEqualTo("sport");
        assertThat(TOPICS.isWithin("medtop:20000574", "medtop:11000000")).isTrue();
        assertThat(TOPICS.isWithin("medtop:20000574", "medtop:04000000")).isFalse();
    }

    @Test
    void leavesRetiredConceptsOut() {
        assertThat(TOPICS.find("medtop:20000030")).isEmpty(); // "music theatre", retired
        assertThatThrownBy(() -> TOPICS.get("medtop:20000030")).isInstanceOf(IllegalArgumentException.class);
    }
}
