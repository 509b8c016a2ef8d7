package io.newsflow.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private static final Gazetteer gazetteer = EntityFixtures.gazetteer();

    @Test
    void datelineInCapitalsIsTheCityNotTheState() {
        assertThat(gazetteer.place("NEW YORK"))
                .contains(new Place("city:US.NY.new-york-city", "New York", Place.CITY, "US", null));
        assertThat(gazetteer.place("New York City")).map(Place::name).contains("New York");
        assertThat(gazetteer.place("WASHINGTON")).map(Place::id).contains("city:US.DC.washington");
    }

    @Test
    void accentsDoNotMatter() {
        assertThat(gazetteer.place("Reykjavik"))
                .contains(new Place("city:IS.39.reykjavik", "Reykjavík", Place.CITY, "IS", null));
        assertThat(gazetteer.place("Sao Paulo")).map(Place::country).contains("BR");
        assertThat(gazetteer.place("ZURICH")).map(Place::name).contains("Zürich");
    }

    @Test
    void aSharedNameGoesToTheMostProminentPlace() {
        assertThat(gazetteer.place("Paris")).map(Place::country).contains("FR");
        assertThat(gazetteer.place("Moscow")).map(Place::country).contains("RU");
        assertThat(gazetteer.place("Cambridge")).map(Place::country).contains("GB");
        // hand-written prominence: Florida, US, not the department of Uruguay
        assertThat(gazetteer.place("Florida")).map(Place::id).contains("admin1:US.FL");
        // Punjab, India and Punjab, Pakistan: both provinces, no guess
        assertThat(gazetteer.place("Punjab")).isEmpty();
        // a national capital outranks towns of the same name: Kingston, Jamaica (no population in the data)
        assertThat(gazetteer.place("Kingston")).map(Place::country).contains("JM");
        // Victoria, Australia, the prominent region, unless the article is about Malta
        assertThat(gazetteer.place("Victoria")).map(Place::id).contains("admin1:AU.07");
        assertThat(gazetteer.place("Victoria", Set.of("MT"))).map(Place::id).contains("admin1:MT.46");
    }

    @Test
    void contextOrQualifierPicksTheLessProminentPlace() {
        assertThat(gazetteer.place("Paris", Set.of("US"))).map(Place::country).contains("US");
        assertThat(gazetteer.place("Paris, Texas")).map(Place::id).contains("city:US.TX.paris");
        assertThat(gazetteer.place("Victoria, Malta")).map(Place::id).contains("admin1:MT.46");
        assertThat(gazetteer.place("Evansville, Indiana, United States"))
                .map(Place::id)
                .contains("city:US.IN.evansville");
        assertThat(gazetteer.place("Paris", Set.of("DE", "FR")))
                .map(Place::country)
                .contains("FR");
    }

    @Test
    void georgiaIsTheCountryUnlessTheArticleIsAboutTheUnitedStates() {
        assertThat(gazetteer.place("Georgia")).contains(new Place("iso:GE", "Georgia", Place.COUNTRY, "GE", null));
        assertThat(gazetteer.place("Georgia", Set.of("US")))
                .contains(new Place("admin1:US.GA", "Georgia", Place.REGION, "US", null));
        assertThat(gazetteer.place("Atlanta, Georgia")).map(Place::country).contains("US");
        // a town of that name in the context's country does not win over a country
        assertThat(gazetteer.place("Venezuela", Set.of("CU"))).map(Place::id).contains("iso:VE");
    }

    @Test
    void countriesByTheirUsualAlternatives() {
        Place unitedStates = new Place("iso:US", "United States", Place.COUNTRY, "US", null);
        for (String name : Set.of("U.S.", "US", "USA", "United States of America", "the United States", "America")) {
            assertThat(gazetteer.place(name)).as(name).contains(unitedStates);
        }
        for (String name : Set.of("Britain", "UK", "U.K.", "Great Britain", "United Kingdom")) {
            assertThat(gazetteer.place(name)).as(name).map(Place::id).contains("iso:GB");
        }
        assertThat(gazetteer.place("the Netherlands")).map(Place::country).contains("NL");
        assertThat(gazetteer.place("Holland")).map(Place::country).contains("NL");
        assertThat(gazetteer.place("Ivory Coast")).map(Place::country).contains("CI");
        assertThat(gazetteer.place("Turkey")).map(Place::country).contains("TR");
        assertThat(gazetteer.place("Britain's")).map(Place::country).contains("GB");
        assertThat(gazetteer.place("England")).map(Place::id).contains("admin1:GB.ENG");
    }

    @Test
    void abbreviationsInLowerCaseAreOrdinaryWords() {
        // "us" is no abbreviation of the United States (there is a village called Us, in France)
        assertThat(gazetteer.place("us")).map(Place::country).isNotEqualTo(Optional.of("US"));
        assertThat(gazetteer.place("Us")).map(Place::country).isNotEqualTo(Optional.of("US"));
        assertThat(gazetteer.known("who")).isEmpty();
        assertThat(gazetteer.known("WHO")).map(KnownEntity::id).contains("wikidata:Q7817");
    }

    @Test
    void adjectivesAndDemonymsGiveTheirCountry() {
        assertThat(gazetteer.countryOfAdjective("Russian")).map(Place::name).contains("Russia");
        assertThat(gazetteer.countryOfAdjective("Russians")).map(Place::country).contains("RU");
        assertThat(gazetteer.countryOfAdjective("French")).map(Place::country).contains("FR");
        assertThat(gazetteer.countryOfAdjective("American")).map(Place::name).contains("United States");
        assertThat(gazetteer.countryOfAdjective("British")).map(Place::name).contains("United Kingdom");
        assertThat(gazetteer.countryOfAdjective("Chinese")).map(Place::country).contains("CN");
        assertThat(gazetteer.countryOfAdjective("U.S.")).map(Place::country).contains("US");
        assertThat(gazetteer.countryOfAdjective("Scottish")).map(Place::country).contains("GB");
        assertThat(gazetteer.countryOfAdjective("Saudi")).map(Place::country).contains("SA");
        // shared by the Dominican Republic and Dominica: no guess
        assertThat(gazetteer.countryOfAdjective("Dominican")).isEmpty();
        assertThat(gazetteer.countryOfAdjective("Monday")).isEmpty();
    }

    @Test
    void legislatorsByTheirNames() {
        KnownEntity sanders = new KnownEntity(Mention.PERSON, "Bernie Sanders", "wikidata:Q359442", "US");
        assertThat(gazetteer.known("Bernie Sanders")).contains(sanders);
        assertThat(gazetteer.known("Bernard Sanders")).contains(sanders);
        assertThat(gazetteer.known("BERNIE SANDERS")).contains(sanders);
        // members of Congress are not found by surname alone
        assertThat(gazetteer.known("Sanders")).isEmpty();
    }

    @Test
    void presidentsByFullNameAndRecentOnesByUnambiguousSurname() {
        KnownEntity biden = new KnownEntity(Mention.PERSON, "Joe Biden", "wikidata:Q6279", "US");
        assertThat(gazetteer.known("Joe Biden")).contains(biden);
        assertThat(gazetteer.known("Joseph R. Biden Jr.")).contains(biden);
        assertThat(gazetteer.known("Biden")).contains(biden);
        assertThat(gazetteer.known("Obama")).map(KnownEntity::id).contains("wikidata:Q76");
        assertThat(gazetteer.known("JD Vance")).map(KnownEntity::id).contains("wikidata:Q28935729");
        assertThat(gazetteer.known("J. D. Vance")).map(KnownEntity::id).contains("wikidata:Q28935729");
        assertThat(gazetteer.known("Bill Clinton")).map(KnownEntity::id).contains("wikidata:Q1124");
        assertThat(gazetteer.known("President Biden")).contains(biden);
        assertThat(gazetteer.known("Sen. Bernie Sanders")).map(KnownEntity::id).contains("wikidata:Q359442");
        assertThat(gazetteer.known("Biden's")).contains(biden);
        // two presidents Bush, Kamala and Andy Harris, two Clintons: the surname alone is no one
        assertThat(gazetteer.known("Bush")).isEmpty();
        assertThat(gazetteer.known("George Bush")).isEmpty();
        assertThat(gazetteer.known("George W. Bush")).map(KnownEntity::id).contains("wikidata:Q207");
        assertThat(gazetteer.known("Harris")).isEmpty();
        assertThat(gazetteer.known("Kamala Harris")).map(KnownEntity::id).contains("wikidata:Q10853588");
        assertThat(gazetteer.known("Clinton")).isEmpty();
        // before 1977, or a name shared with a place: no surname-only match
        assertThat(gazetteer.known("Lincoln")).isEmpty();
    }

    @Test
    void companiesByNameWithOrWithoutTheLegalForm() {
        assertThat(gazetteer.known("Microsoft"))
                .contains(new KnownEntity(Mention.ORGANIZATION, "Microsoft", "cik:789019", "US"));
        assertThat(gazetteer.known("Microsoft Corp.")).map(KnownEntity::id).contains("cik:789019");
        assertThat(gazetteer.known("Microsoft's")).map(KnownEntity::id).contains("cik:789019");
        assertThat(gazetteer.known("McDonald's")).map(KnownEntity::name).contains("McDonald's");
        assertThat(gazetteer.known("Coca-Cola")).map(KnownEntity::name).contains("The Coca-Cola Company");
        assertThat(gazetteer.known("Alphabet Inc.")).map(KnownEntity::id).contains("cik:1652044");
        assertThat(gazetteer.known("Exxon")).map(KnownEntity::name).contains("ExxonMobil");
        assertThat(gazetteer.known("Accenture")).map(KnownEntity::country).contains("IE");
    }

    @Test
    void companyNamesThatAreCommonWordsNeedTheTaggersWordOrTheLegalForm() {
        assertThat(gazetteer.known("Apple")).isEmpty();
        assertThat(gazetteer.known("Target")).isEmpty();
        assertThat(gazetteer.typeOf("Apple")).isEmpty();
        assertThat(gazetteer.known("Apple Inc.")).map(KnownEntity::id).contains("cik:320193");
        assertThat(gazetteer.known("Target Corp.")).map(KnownEntity::name).contains("Target Corporation");
        assertThat(gazetteer.known("Apple", Mention.ORGANIZATION))
                .map(KnownEntity::id)
                .contains("cik:320193");
        assertThat(gazetteer.known("Target", Mention.PERSON)).isEmpty();
    }

    @Test
    void organisationsAndNewsAgencies() {
        KnownEntity un = new KnownEntity(Mention.ORGANIZATION, "United Nations", "wikidata:Q1065", null);
        assertThat(gazetteer.known("United Nations")).contains(un);
        assertThat(gazetteer.known("the United Nations")).contains(un);
        assertThat(gazetteer.known("U.N.")).contains(un);
        assertThat(gazetteer.known("Nato")).map(KnownEntity::id).contains("wikidata:Q7184");
        assertThat(gazetteer.known("European Commission")).map(KnownEntity::id).contains("wikidata:Q8880");
        assertThat(gazetteer.known("IMF")).map(KnownEntity::id).contains("wikidata:Q7804");
        assertThat(gazetteer.known("Reuters")).map(KnownEntity::country).contains("GB");
        assertThat(gazetteer.known("AP")).map(KnownEntity::name).contains("Associated Press");
        assertThat(gazetteer.known("Pentagon")).map(KnownEntity::name).contains("United States Department of Defense");
    }

    @Test
    void aSmallTownDoesNotHideAWellKnownNameOrArea() {
        // there are towns called Congress (Arizona), White House (Tennessee) and Middle East (Maryland)
        assertThat(gazetteer.place("Congress")).isEmpty();
        assertThat(gazetteer.known("Congress")).map(KnownEntity::id).contains("wikidata:Q11268");
        assertThat(gazetteer.place("Middle East")).isEmpty();
        assertThat(gazetteer.known("Middle East"))
                .contains(new KnownEntity(Mention.LOCATION, "Middle East", "wikidata:Q7204", null));
        assertThat(gazetteer.known("Putin")).map(KnownEntity::country).contains("RU");
    }

    @Test
    void typeCorrectsATaggersGuess() {
        assertThat(gazetteer.typeOf("Texas")).contains(Mention.LOCATION);
        assertThat(gazetteer.typeOf("Georgia")).contains(Mention.LOCATION);
        assertThat(gazetteer.typeOf("Jordan")).contains(Mention.LOCATION);
        assertThat(gazetteer.typeOf("Biden")).contains(Mention.PERSON);
        assertThat(gazetteer.typeOf("NATO")).contains(Mention.ORGANIZATION);
        assertThat(gazetteer.typeOf("Texas Instruments")).contains(Mention.ORGANIZATION);
        // a small town is a place when asked for one, but not enough to retype a tagger's span
        assertThat(gazetteer.place("Kramatorsk")).map(Place::country).contains("UA");
        assertThat(gazetteer.typeOf("Kramatorsk")).isEmpty();
    }

    @Test
    void unknownAndBlankNamesAreNothing() {
        assertThat(gazetteer.place("")).isEmpty();
        assertThat(gazetteer.place("Atlantis")).isEmpty();
        assertThat(gazetteer.known(" ")).isEmpty();
        assertThat(gazetteer.typeOf("Wednesday")).isEmpty();
    }
}
