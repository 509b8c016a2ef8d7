package io.newsflow.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.enrich.text.ScrapedTextCleaner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    // Wikinews, "NASA's Kepler mission finds 'Earth-like' planet" style text, written for this test
    private static final String TEXT =
            "WASHINGTON -- Secretary of State Antony Blinken met Chinese officials in Beijing"
                    + " on Monday. Blinken said the United Nations would send observers. Microsoft and the World Bank"
                    + " backed the plan, according to a statement from the European Commission in Brussels.";

    private static final EntityTagger tagger = EntityFixtures.tagger();

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
    void eachNameOfARealArticleHasOneTypeThroughout() throws IOException {
        // BBC News, "Julian Assange: Sweden drops rape investigation" (src/test/resources/text/SOURCE.txt)
        String page;
        try (InputStream in = getClass().getResourceAsStream("/text/bbc-assange.visible.txt")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String article = new ScrapedTextCleaner().clean(page, "Julian Assange: Sweden drops rape investigation");

        Map<String, Set<String>> raw = typesOf(new EntityTagger(Set.of()).tag(article));
        Map<String, Set<String>> consistent = typesOf(tagger.tag(article));

        // the CRF alone types some mentions of one name otherwise than the others
        assertThat(raw.values()).anySatisfy(types -> assertThat(types).hasSizeGreaterThan(1));
        assertThat(consistent.values()).allSatisfy(types -> assertThat(types).hasSize(1));
        assertThat(consistent.get("Assange")).containsExactly(Mention.PERSON);
        assertThat(consistent.get("Wikileaks")).containsExactly(Mention.ORGANIZATION);
    }

    private static Map<String, Set<String>> typesOf(List<Mention> mentions) {
        Map<String, Set<String>> types = new TreeMap<>();
        mentions.forEach(
                m -> types.computeIfAbsent(m.text(), t -> new TreeSet<>()).add(m.type()));
        return types;
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
