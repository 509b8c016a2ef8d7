package io.newsflow.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tagger's spans of real sentences, repaired. Sentences from English Wikinews (the sample corpus,
 * deploy/local/sample, CC BY 2.5) and, for RFE/RL, from its own site's standing line.
 */
class SpanRepairTest {

    private static EntityTagger tagger;
    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        tagger = new EntityTagger();
        gazetteer = Gazetteer.load();
    }

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
        String text = "Radio Free Europe said so. RFE/RL is funded by the US Congress.";
        List<Mention> tagged = List.of(new Mention(Mention.ORGANIZATION, "RL", 31, 33, 1));

        List<Mention> repaired = SpanRepair.repair(text, tagged, gazetteer);

        assertThat(repaired)
                .extracting(Mention::text, Mention::start, Mention::end)
                .containsExactly(tuple("RFE/RL", 27, 33));
    }

    @Test
    void namesSideBySideStayAsTheyAre() {
        String text = "Why should voters choose the Myers/Lusk ticket over President Trump?";

        assertThat(SpanRepair.repair(text, List.of(new Mention(Mention.PERSON, "Myers", 29, 34, 0)), gazetteer))
                .extracting(Mention::text)
                .containsExactly("Myers");
    }

    @Test
    void twoCountriesRunTogetherAreTwoPlaces() {
        String text = "Talks between Russia U.S. officials ended.";
        List<Mention> tagged = List.of(new Mention(Mention.LOCATION, "Russia U.S.", 14, 25, 0));

        List<Mention> repaired = SpanRepair.repair(text, tagged, gazetteer);

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

    private static List<Mention> repaired(String text) {
        List<Mention> tagged = tagger.tag(text);
        return SpanRepair.repair(text, tagged, gazetteer);
    }
}
