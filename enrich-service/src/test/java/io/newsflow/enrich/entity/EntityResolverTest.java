package io.newsflow.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.EnrichedArticle.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tagger and the resolver together on news text, with the real gazetteer. */
class EntityResolverTest {

    private static final EntityTagger tagger = EntityFixtures.tagger();
    private static final Gazetteer gazetteer = EntityFixtures.gazetteer();

    @Test
    void aSurnameTakesTheFullNameTheArticleUsedAndCountsAsItsMention() {
        List<Entity> entities = resolve(
                "Blinken visits Beijing",
                "Secretary of State Antony Blinken arrived in Beijing on Sunday. Blinken met Chinese officials"
                        + " for two days of talks. On Monday, Blinken said progress had been made.");

        Entity blinken = entity(entities, "person", "Antony Blinken");
        assertThat(blinken.mentions()).isGreaterThanOrEqualTo(3);
        assertThat(blinken.salience()).isEqualTo(1.0);
        assertThat(entities).noneMatch(e -> e.name().equals("Blinken"));
        assertThat(entity(entities, "location", "Beijing").country()).isEqualTo("CN");
        // "Chinese officials" points at China
        assertThat(entity(entities, "location", "China").country()).isEqualTo("CN");
    }

    @Test
    void politiciansOfARealArticleAreLinkedToTheirWikidataIds() throws IOException {
        // Wikinews, "No 'mates' in Australia's Parliament House" (src/test/resources/articles/SOURCE.txt)
        JsonNode article;
        try (InputStream in = getClass().getResourceAsStream("/articles/parliament-mates.json")) {
            article = new ObjectMapper().readTree(in);
        }

        List<Entity> entities =
                resolve(article.path("title").asText(), article.path("text").asText());

        // members of the Australian House of Representatives in EveryPolitician (politicians.tsv)
        assertThat(entity(entities, "person", "Tanya Plibersek"))
                .extracting(Entity::id, Entity::country)
                .containsExactly("wikidata:Q7684036", "AU");
        assertThat(entity(entities, "person", "Bob Baldwin").id()).isEqualTo("wikidata:Q4931731");
        assertThat(entity(entities, "person", "Paul Neville").id()).isEqualTo("wikidata:Q7152703");
    }

    @Test
    void aFullNameWithAndWithoutItsMiddleInitialIsOnePerson() {
        // Wikinews, "US president Trump ousts national security advisor Bolton" (2019-09-12; the sample corpus,
        // deploy/local/sample, CC BY 2.5): its first paragraphs
        List<Entity> entities = resolve(
                "US president Trump ousts national security advisor Bolton",
                "On Tuesday, United States President Donald Trump announced he had asked for national security"
                        + " advisor John R. Bolton's resignation Monday night, and that Bolton tendered it the next"
                        + " morning.\n\nBolton had held the position since April 2018 and was the third official to"
                        + " serve in that office during the Trump administration since 2017.\n\n\"I informed John"
                        + " Bolton last night that his services are no longer needed at the White House.\"");

        Entity bolton = entity(entities, "person", "John Bolton");
        assertThat(bolton.mentions()).isGreaterThanOrEqualTo(3);
        assertThat(entities).extracting(Entity::name).doesNotContain("John R. Bolton", "John R. Bolton's", "Bolton");
    }

    @Test
    void aDatelineInCapitalsIsItsCity() {
        List<Entity> entities = resolve(
                "Markets rally",
                "NEW YORK -- Stocks rose on Wall Street on Friday as investors welcomed lower inflation figures.");

        Entity newYork = entity(entities, "location", "New York");
        assertThat(newYork.country()).isEqualTo("US");
        assertThat(newYork.id()).isNotNull();
    }

    @Test
    void anAcronymTakesTheFullNameOfTheOrganisation() {
        List<Entity> entities = resolve(
                "Aid talks",
                "The International Committee of the Red Cross said on Tuesday that aid convoys had been stopped."
                        + " The ICRC asked both sides to let trucks through.");

        Entity icrc = entity(entities, "organization", "International Committee of the Red Cross");
        assertThat(icrc.mentions()).isEqualTo(2);
    }

    @Test
    void theKnowledgeBaseDecidesFirstAndFindsNamesTheTaggerMissed() {
        KnownEntity curated = new KnownEntity("organization", "Acme Widgets GmbH", "kb:acme", "DE");
        EntityResolver resolver = new EntityResolver(
                gazetteer,
                name -> EntityNames.key(name).equals("acmewidgets") ? Optional.of(curated) : Optional.empty());
        String text = "Factory news\n\nThe maker acmewidgets said AcmeWidgets would hire 400 people in Leipzig.";

        List<Entity> entities = resolver.resolve(text, "Factory news".length(), tagger.tag(text));

        Entity acme = entity(entities, "organization", "Acme Widgets GmbH");
        assertThat(acme.id()).isEqualTo("kb:acme");
        assertThat(acme.country()).isEqualTo("DE");
        assertThat(acme.confidence()).isEqualTo(1.0);
    }

    @Test
    void aPlaceNameSharedByTwoPlacesIsReadInTheLightOfTheOtherPlaces() {
        List<Entity> us = resolve(
                "Storms in the South",
                "Tornadoes hit Atlanta and Savannah on Monday. Officials in Georgia said roads were closed, and"
                        + " neighbouring Alabama and Tennessee sent crews to help.");
        List<Entity> caucasus = resolve(
                "Protests in Tbilisi",
                "Thousands marched in Tbilisi on Sunday. The government of Georgia said it would talk to the"
                        + " opposition, while Russia and Armenia watched closely.");

        assertThat(entity(us, "location", "Georgia").country()).isEqualTo("US");
        assertThat(entity(caucasus, "location", "Georgia").country()).isEqualTo("GE");
    }

    @Test
    void knownPeopleGetTheirIds() {
        List<Entity> entities = resolve(
                "Trump adviser sentenced",
                "A former adviser to President Donald Trump was sentenced on Wednesday, a judge in Washington said.");

        assertThat(entity(entities, "person", "Donald Trump").id()).isEqualTo("wikidata:Q22686");
    }

    private static List<Entity> resolve(String title, String body) {
        String text = title + "\n\n" + body;
        return new EntityResolver(gazetteer, name -> Optional.empty()).resolve(text, title.length(), tagger.tag(text));
    }

    private static Entity entity(List<Entity> entities, String type, String name) {
        return entities.stream()
                .filter(e -> e.type().equals(type) && e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " \"" + name + "\" in "
                        + entities.stream()
                                .map(e -> Map.entry(e.type(), e.name()))
                                .toList()));
    }
}
