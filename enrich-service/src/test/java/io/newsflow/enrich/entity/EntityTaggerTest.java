package io.newsflow.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    // Wikinews, "NASA's Kepler mission finds 'Earth-like' planet" style text, written for this test
    private static final String TEXT =
            "WASHINGTON -- Secretary of State Antony Blinken met Chinese officials in Beijing"
                    + " on Monday. Blinken said the United Nations would send observers. Microsoft and the World Bank"
                    + " backed the plan, according to a statement from the European Commission in Brussels.";

    private static EntityTagger tagger;

    @BeforeAll
    static void load() {
        tagger = new EntityTagger();
    }

    @Test
    void findsPeopleOrganisationsAndPlacesWithTheirOffsets() {
        List<Mention> mentions = tagger.tag(TEXT);

        assertThat(mentions)
                .extracting(Mention::type, Mention::text)
                .contains(
                        tuple(Mention.PERSON, "Antony Blinken"),
                        tuple(Mention.PERSON, "Blinken"),
                        tuple(Mention.LOCATION, "Beijing"),
                        tuple(Mention.ORGANIZATION, "United Nations"),
                        tuple(Mention.LOCATION, "Brussels"));
        for (Mention mention : mentions) {
            assertThat(TEXT.substring(mention.start(), mention.end())).isEqualTo(mention.text());
        }
    }

    @Test
    void labelsGoldTokens() {
        List<String> labels = tagger.labels(List.of("Angela", "Merkel", "visited", "Paris", "."));

        assertThat(labels).containsExactly(Mention.PERSON, Mention.PERSON, "O", Mention.LOCATION, "O");
    }

    @Test
    void emptyTextHasNoEntities() {
        assertThat(tagger.tag("  ")).isEmpty();
    }
}
