package io.newsflow.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EnrichedArticle.Topic;
import io.newsflow.events.RawArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The newsroom's subjects (here those of the official ninjs examples) as topics of origin newsroom. */
class NewsroomTopicsTest {

    private final NewsroomTopics topics = new NewsroomTopics(MediaTopics.load());

    @Test
    void mediaTopicUrisBecomeCodesAndKeepTheNewsroomsNames() {
        List<Topic> result = topics.topics(List.of(
                new RawArticle.Subject("http://cv.iptc.org/newscodes/mediatopic/15000000", "Sport", "classifies"),
                new RawArticle.Subject("http://cv.iptc.org/newscodes/mediatopic/20000892", null, "classifies")));
        assertThat(result).extracting(Topic::code).containsExactly("medtop:15000000", "medtop:20000892");
        assertThat(result.getFirst().label()).isEqualTo("Sport");
        // no name given: the vocabulary's label
        assertThat(result.get(1).label())
                .isEqualTo(MediaTopics.load().get("medtop:20000892").label());
        assertThat(result).allSatisfy(topic -> {
            assertThat(topic.origin()).isEqualTo(EnrichedArticle.ORIGIN_NEWSROOM);
            assertThat(topic.score()).isEqualTo(1.0);
        });
    }

    @Test
    void otherSchemesAreNotTopics() {
        List<Topic> result = topics.topics(List.of(
                new RawArticle.Subject("http://tt.se/spec/subref/1.0/11000000", "Politik", "classifies"),
                new RawArticle.Subject("13010000", "Teknologi", null),
                new RawArticle.Subject("medtop:15000000", "Sport", null),
                new RawArticle.Subject("http://cv.iptc.org/newscodes/mediatopic/15000000", "Sport", null)));
        assertThat(result).extracting(Topic::code).containsExactly("medtop:15000000");
    }

    @Test
    void theNewsroomsWordWinsOverTheTaggersForTheSameCode() {
        Topic given = new Topic("medtop:15000000", "Sport", 1.0, NewsroomTopics.TRIGGER, "newsroom");
        Topic tagged = new Topic("medtop:15000000", "sport", 0.7, "body: \"match\"", "tagger");
        Topic other = new Topic("medtop:11000000", "politics", 0.5, "title: \"vote\"", "tagger");
        assertThat(NewsroomTopics.merged(List.of(given), List.of(tagged, other)))
                .containsExactly(given, other);
        assertThat(NewsroomTopics.merged(List.of(), List.of(other))).containsExactly(other);
    }
}
