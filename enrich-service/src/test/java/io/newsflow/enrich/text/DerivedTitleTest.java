package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DerivedTitleTest {

    @Test
    void theFirstSentenceIsTheTitle() {
        assertThat(DerivedTitle.of("Leaders met in Reykjavík on Monday. They agreed on little."))
                .isEqualTo("Leaders met in Reykjavík on Monday.");
    }

    @Test
    void anAbbreviationEarlyOnIsNoEndAndALongSentenceIsCutAtAWord() {
        assertThat(DerivedTitle.of("Mr. Smith said the council would meet again next week."))
                .isEqualTo("Mr. Smith said the council would meet again next week.");
        String title = DerivedTitle.of("word ".repeat(60));
        assertThat(title).hasSizeLessThanOrEqualTo(DerivedTitle.MAX_LENGTH).endsWith("word…");
    }

    @Test
    void noTextGivesAPlaceholder() {
        assertThat(DerivedTitle.of("   ")).isEqualTo("(untitled)");
    }
}
