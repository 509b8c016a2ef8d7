package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrapedTextCleanerTest {

    private final ScrapedTextCleaner cleaner = new ScrapedTextCleaner();

    @Test
    void keepsTheArticleLinesOfAScrapedPageAndDropsItsMenus() {
        String text = cleaner.clean(
                TextFixtures.read("polygraph-al-tanf.visible.txt"),
                "Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return");

        assertThat(text)
                .contains("The Pentagon rejected these accusations as “patently false,”")
                .contains("The population in the Rukban camp has fluctuated and currently is estimated at around"
                        + " 40,000.")
                .contains("\n\nThe Rukban camp\n\n")
                .doesNotContain("Skip to main content")
                .doesNotContain("Breaking News")
                .doesNotContain("toggle main navigation")
                .doesNotContain("\nMilitary\n");
    }

    @Test
    void dropsVideoPlayerLeftoversAndCaptionsInsideTheArticle() {
        String scraped = TextFixtures.read("polygraph-al-tanf.visible.txt")
                .replace(
                        "The al-Tanf base\n",
                        "16x9 Image\nplease wait\n0:00 0:01:22 0:00\nThe al-Tanf base\nAdvertisement\n");

        String text = cleaner.clean(scraped, null);

        assertThat(text)
                .contains("The al-Tanf base")
                .contains("The U.S. will keep its military base in al-Tanf")
                .doesNotContain("16x9 Image")
                .doesNotContain("please wait")
                .doesNotContain("0:00")
                .doesNotContain("Advertisement");
    }

    @Test
    void dropsNewsletterAndCopyrightFootersOfAShortStory() {
        String text = cleaner.clean(
                TextFixtures.read("jpost-weizsaecker.visible.txt"),
                "Son of former German president stabbed to death in Berlin - The Jerusalem Post");

        assertThat(text)
                .contains("Fritz Eckart von Weizsäcker was stabbed to death")
                .doesNotContain("BREAKING NEWS")
                .doesNotContain("Subscribe for our daily newsletter")
                .doesNotContain("All rights reserved")
                .doesNotContain("Liberman: Both parties are to blame");
    }

    @Test
    void blankInputGivesEmptyText() {
        assertThat(cleaner.clean("", null)).isEmpty();
        assertThat(cleaner.clean("Home\nWorld\nSports\n", "Home")).isEmpty();
    }
}
