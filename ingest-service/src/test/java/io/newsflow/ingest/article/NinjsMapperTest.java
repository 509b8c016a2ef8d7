package io.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.commons.problem.Problem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ninjs mapping on the official examples of every version, and its errors. */
class NinjsMapperTest {

    private final NinjsMapper mapper = new NinjsMapper(NinjsExamples.JSON);

    private ArticleSubmission article(String path) {
        JsonNode doc = NinjsExamples.one(path).json();
        assertThat(NinjsMapper.isNinjs(doc)).as(path).isTrue();
        NinjsMapper.Result result = mapper.map(doc);
        assertThat(result.errors()).as(path).isEmpty();
        return result.article();
    }

    @Test
    void ninjs1TextKeepsHeadlineBodyBylineDatelineAndTheRestAsExtraFields() {
        ArticleSubmission a = article("1.4/ninjsExMediumText1.json");
        assertThat(a.uri()).isEqualTo("http://ninjs.example.com/newsitems/20130709med123");
        assertThat(a.title()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
        assertThat(a.body()).startsWith("GROSSETO, Italy (AP) -- The trial of the captain");
        assertThat(a.html()).startsWith("<p>GROSSETO, Italy (AP)");
        assertThat(a.authors()).containsExactly("Paulo Santalucia and Frances d'Emilio");
        assertThat(a.located()).isEqualTo("Grossetto, Italy");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2013-07-09T10:37:00Z"));
        assertThat(a.extra()).containsKeys("type", "profile", "copyrightnotice", "person", "place", "organisation");
        assertThat(a.extra()).doesNotContainKeys("uri", "headline", "body_text", "byline", "located");
    }

    @Test
    void ninjs2UrnIdentityHeadlinesAndHtmlBodies() {
        ArticleSubmission a = article("2.0/dpa_text.json");
        assertThat(a.uri()).isEqualTo("urn:newsml:dpa.com:20090101:190510-99-167362");
        assertThat(a.url()).isNull();
        assertThat(a.title()).isEqualTo("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
        assertThat(a.body()).isNull();
        assertThat(a.html()).startsWith("<section class=\"main\"><p>Für Lucien Favre");
        assertThat(a.authors()).containsExactly("Von Christian Hollmann, dpa");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2019-05-10T16:02:28+02:00"));
        assertThat(a.extra()).containsEntry("pubstatus", "usable").containsEntry("urgency", 4);
    }

    @Test
    void aBareUuidBecomesAUrnAndACaptionIsTheTextOfAnItemWithoutBody() {
        ArticleSubmission a = article("2.0/ntb_text.json");
        assertThat(a.uri()).isEqualTo("urn:uuid:8d19cf88-b3ab-4972-8fec-1207599f2872");
        assertThat(a.title()).isEqualTo("Google har kjøpt giganttomt i Skien");
        assertThat(a.body()).startsWith("IT-giganten Google har kjøpt en tomt");
        assertThat(a.language()).isEqualTo("nb-NO");
        assertThat(a.subjects())
                .extracting(ArticleSubmission.SubjectSubmission::code)
                .containsExactly("Innenriks", "13010000", "04011000", "04005000");
        assertThat(a.extra()).containsEntry("slugline", "skien-google").containsKey("places");
    }

    @Test
    void ninjs3CamelCaseNamesAreRead() {
        ArticleSubmission a = article("3.3/ninjsExSimpleText_3.json");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2013-07-09T10:37:00Z"));
        assertThat(a.authors()).containsExactly("Paulo Santalucia and Frances d'Emilio");
        assertThat(a.body()).startsWith("GROSSETO");
        assertThat(a.html()).startsWith("<body><p>GROSSETO");

        ArticleSubmission tt = article("3.1/tt_text_image_3.json");
        assertThat(tt.title()).isEqualTo("Militärövning i jätteformat hålls 2023");
        assertThat(tt.body()).startsWith("Militärövning i jätteformat hålls 2023\nFörsvar TT\nPandemin");
        assertThat(tt.summary()).startsWith("Pandemin satte stopp");
        assertThat(tt.subjects()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("http://tt.se/spec/subref/1.0/16000000");
            assertThat(s.name()).isEqualTo("Krig, konflikter och oroligheter");
            assertThat(s.rel()).isEqualTo("classifies");
        });
    }

    @Test
    void mediaTopicSubjectsAndTheDatelineOfANitfCarryingDocument() {
        ArticleSubmission a = article(
                "2.2/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json");
        assertThat(a.subjects())
                .extracting(ArticleSubmission.SubjectSubmission::code)
                .containsExactly(
                        "http://cv.iptc.org/newscodes/mediatopic/15000000",
                        "http://cv.iptc.org/newscodes/mediatopic/20001105",
                        "http://cv.iptc.org/newscodes/mediatopic/20000892");
        assertThat(a.body()).startsWith("The initiatives are being implemented");
        assertThat(a.located()).isEqualTo("Oslo, Norway");
        assertThat(a.authors()).containsExactly("Trond Husø, The Anti-Doping Database");
        // the ninjs title (a short name) is not the headline: it stays among the extra fields
        assertThat(a.extra()).containsKey("title");
    }

    @Test
    void ninjs1SubjectsWithSchemeAndCodeBecomeOneCode() {
        ArticleSubmission a = article("2.2/tt_event_pressconference_sample.json");
        assertThat(a.subjects())
                .extracting(ArticleSubmission.SubjectSubmission::code)
                .containsExactly("http://tt.se/spec/subref/1.0/11000000", "http://tt.se/spec/subref/1.0/04000000");
    }

    @Test
    void aDocumentWithoutTextOrIdentityIsRefusedNamingTheField() {
        NinjsMapper.Result rights =
                mapper.map(NinjsExamples.one("2.0/rightstest.json").json());
        assertThat(rights.article()).isNull();
        assertThat(rights.errors()).extracting(Problem.FieldError::field).containsExactly("/body_text");
        assertThat(rights.errors().getFirst().message()).contains("no text");

        JsonNode timeline =
                NinjsExamples.one("2.2/20231016-event-timeline-sample.json").json();
        NinjsMapper.Result event = mapper.map(timeline.get(0));
        assertThat(event.errors()).extracting(Problem.FieldError::field).containsExactly("/uri");
    }

    @Test
    void aWrongTypeIsNamedByItsPointer() {
        JsonNode doc = NinjsExamples.JSON.valueToTree(Map.of(
                "uri", "urn:example:1",
                "headlines", List.of(Map.of("role", "main", "value", "Fine"), Map.of("role", "sub", "value", 7)),
                "body_text", "Text.",
                "versioncreated", "yesterday"));
        NinjsMapper.Result result = mapper.map(doc);
        assertThat(result.errors())
                .containsExactlyInAnyOrder(
                        new Problem.FieldError("/headlines/1/value", "must be a string"),
                        new Problem.FieldError(
                                "/versioncreated",
                                "must be an ISO 8601 date-time with an offset, such as 2024-05-01T10:00:00Z"));
    }

    @Test
    void newsflowsOwnShapeIsNotTakenForNinjs() {
        JsonNode own = NinjsExamples.JSON.valueToTree(
                Map.of("url", "https://news.example.org/a", "title", "T", "body", "Text", "uri", "urn:x:1"));
        assertThat(NinjsMapper.isNinjs(own)).isFalse();
    }

    @Test
    void everyOfficialExampleIsMappedOrRefusedWithAReason() {
        int documents = 0;
        int mapped = 0;
        List<String> refused = new java.util.ArrayList<>();
        for (NinjsExamples.Example example : NinjsExamples.all()) {
            JsonNode json = example.json();
            if (json == null) {
                continue;
            }
            for (JsonNode doc : json.isArray() ? List.copyOf(toList(json)) : List.of(json)) {
                documents++;
                NinjsMapper.Result result = mapper.map(doc);
                if (result.article() != null) {
                    mapped++;
                } else {
                    assertThat(result.errors()).as(example.path()).isNotEmpty();
                    refused.add(example.path() + " " + result.errors());
                }
            }
        }
        // refused: two property tests with a headline only (1.4, 1.6), the 2.0 draft test, rightstest, and the 14
        // events of the 2.2 timeline, which have no uri
        assertThat(documents).isEqualTo(74);
        assertThat(mapped).as(String.join("\n", refused)).isEqualTo(56);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
