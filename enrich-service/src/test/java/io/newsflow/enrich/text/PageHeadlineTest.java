package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The headline of real scraped pages (src/test/resources/text, see SOURCE.txt there), sent without a title. */
class PageHeadlineTest {

    private final ScrapedTextCleaner cleaner = new ScrapedTextCleaner();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bbc-assange.visible.txt|Julian Assange: Sweden drops rape investigation",
                "express-plague.visible.txt|Bubonic plague: Third case of plague in China as panic begins – ‘The plague"
                        + " is coming’",
                "jpost-weizsaecker.visible.txt|Son of former German president stabbed to death in Berlin",
                "polygraph-al-tanf.visible.txt|Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return",
                "wired-banking.visible.txt|The Future of Banking Is … You're Broke",
                "wired-instagram.visible.txt|Why My Friend Became a Grocery Store on Instagram",
                "ascom-draeger.visible.txt|Ascom and Dräger introduce integrated clinical alarm management solution"
                        + " in North America to improve patient care"
            })
    void findsTheHeadlineOfARealPageNotItsFirstChromeLine(String page, String headline) {
        String text = TextFixtures.read(page);

        assertThat(PageHeadline.of(text, cleaner.clean(text, null))).contains(headline);
        // what POST /api/v1/pages took as the headline before: the page's first line
        assertThat(text.lines().filter(line -> !line.isBlank()).findFirst().orElseThrow())
                .isNotEqualTo(headline);
    }

    @Test
    void neitherABylineNorADateNorACommentCountIsAHeadline() {
        String page = String.join(
                "\n",
                "Home",
                "News",
                "Rivers burst their banks across the north of England",
                "By Jane Smith",
                "Published 12 March 2019, 10:04",
                "3 Comments",
                "Hundreds of people left their homes in Yorkshire and Cumbria on Tuesday after rivers burst their"
                        + " banks following three days of heavy rain, the Environment Agency said.",
                "The agency issued twelve severe flood warnings, the highest level, meaning a danger to life, and"
                        + " said the rivers of the north of England would stay high for days.");

        assertThat(PageHeadline.of(page, cleaner.clean(page, null)))
                .contains("Rivers burst their banks across the north of England");
    }

    @Test
    void everyCandidateIsMeasuredOnEveryFeatureTheModelWeighs() {
        String text = TextFixtures.read("bbc-assange.visible.txt");

        var candidates = PageHeadline.candidates(text, cleaner.clean(text, null));

        assertThat(PageHeadline.WEIGHTS).hasSize(PageHeadline.FEATURES.size());
        assertThat(candidates)
                .isNotEmpty()
                .allSatisfy(candidate -> assertThat(candidate.features()).hasSize(PageHeadline.FEATURES.size()));
        assertThat(candidates)
                .extracting(PageHeadline.Candidate::line)
                .contains("Julian Assange: Sweden drops rape investigation");
    }

    @Test
    void aPageWithoutAnyHeadingLineHasNoHeadline() {
        String page = "Hundreds of people left their homes in Yorkshire and Cumbria on Tuesday after rivers burst"
                + " their banks following three days of heavy rain, the Environment Agency said.";

        assertThat(PageHeadline.of(page, cleaner.clean(page, null))).isEmpty();
    }
}
