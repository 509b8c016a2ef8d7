package io.newsflow.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tagger's spans of real sentences, repaired. Sentences from English Wikinews (the sample corpus,
 * deploy/local/sample, CC BY 2.5) and, for RFE/RL, from its own site's standing line.
 */
class SpanRepairTest {

    private static final EntityTagger tagger = EntityFixtures.tagger();
    private static final Gazetteer gazetteer = EntityFixtures.gazetteer();

    @Test
    void theObjectOfAnOfficeIsNoOrganisation() {
        String text = "The announcement was made on Monday by US Secretary of State Mike Pompeo."
                + " Elaine Chao, the Secretary of Transportation, released the new rules.";

        List<Mention> repaired = repaired(text);

        // the CRF tags "State" of "Secretary of State" as an organisation
        assertThat(tagger.tag(text)).extracting(Mention::text).contains("State");
        assertThat(repaired).extracting(Mention::text).doesNotContain("State", "Transportation");
        assertThat(repaired).extracting(Mention::type, Mention::text).contains(tuple(Mention.PERSON, "Mike Pompeo"));
    }

    @Test
    void aSurnameThatIsATitleWordStaysAPerson() {
        String text = "Didier Queloz and Michel Mayor won the prize. Queloz and Mayor, both from Switzerland, won"
                + " for the discovery of an exoplanet.";

        assertThat(repaired(text)).extracting(Mention::type, Mention::text).contains(tuple(Mention.PERSON, "Mayor"));
    }

    @Test
    void aFragmentOfASlashedAcronymBecomesTheWholeName() {
        List<Mention> repaired = repairedOne(
                "Radio Free Europe said so. RFE/RL is funded by the US Congress.", Mention.ORGANIZATION, "RL ");

        assertThat(repaired)
                .extracting(Mention::text, Mention::start, Mention::end)
                .containsExactly(tuple("RFE/RL", 27, 33));
    }

    @Test
    void namesSideBySideStayAsTheyAre() {
        assertThat(repairedOne(
                        "Why should voters choose the Myers/Lusk ticket over President Trump?",
                        Mention.PERSON,
                        "Myers"))
                .extracting(Mention::text)
                .containsExactly("Myers");
    }

    @Test
    void twoCountriesRunTogetherAreTwoPlaces() {
        List<Mention> repaired =
                repairedOne("Talks between Russia U.S. officials ended.", Mention.LOCATION, "Russia U.S.");

        assertThat(repaired)
                .extracting(Mention::text, Mention::start, Mention::end)
                .containsExactly(tuple("Russia", 14, 20), tuple("U.S.", 21, 25));
        // a place of several words stays whole
        assertThat(SpanRepair.repair(
                        "In New York City.",
                        List.of(new Mention(Mention.LOCATION, "New York City", 3, 16, 0)),
                        gazetteer))
                .extracting(Mention::text)
                .containsExactly("New York City");
    }

    /** The repair of one mention, as the tagger would give it: {@code name} where it first stands (stripped). */
    private static List<Mention> repairedOne(String text, String type, String name) {
        int start = text.indexOf(name);
        String mention = name.strip();
        return SpanRepair.repair(
                text, List.of(new Mention(type, mention, start, start + mention.length(), 0)), gazetteer);
    }

    private static List<Mention> repaired(String text) {
        List<Mention> tagged = tagger.tag(text);
        return SpanRepair.repair(text, tagged, gazetteer);
    }
}
