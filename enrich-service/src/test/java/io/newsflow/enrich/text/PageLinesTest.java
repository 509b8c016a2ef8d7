package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PageLinesTest {

    @Test
    void linesThatDifferOnlyInCaseSpacingOrNumbersShareTheirKey() {
        assertThat(PageLines.key("© 2019 Condé Nast. All rights reserved."))
                .isEqualTo(PageLines.key("©  2020 condé nast. All Rights Reserved."))
                .isNotEqualTo(PageLines.key("© 2019 Condé Nast."));
    }

    @Test
    void theLinesOfARealPageAreItsNonBlankBlocks() {
        String page = TextFixtures.read("wired-banking.visible.txt");

        assertThat(PageLines.of(page))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).isEqualTo(line.strip()).isNotBlank());
        assertThat(PageLines.keys(page))
                .hasSizeLessThanOrEqualTo(PageLines.of(page).size());
    }

    @Test
    void withoutDropsTheParagraphsWhoseKeyIsGiven() {
        String text = "First paragraph of the story.\n\nWIRED is where tomorrow is realized.\n\nLast one.";

        assertThat(PageLines.without(text, Set.of(PageLines.key("WIRED is where tomorrow is realized."))))
                .isEqualTo("First paragraph of the story.\n\nLast one.");
        assertThat(PageLines.without(text, Set.of())).isEqualTo(text);
    }
}
