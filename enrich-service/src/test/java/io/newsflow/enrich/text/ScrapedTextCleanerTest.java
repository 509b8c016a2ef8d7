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
    void dropsMediaCaptionsAndPictureCreditsOfARealBbcPage() {
        String text = cleaner.clean(
                TextFixtures.read("bbc-assange.visible.txt"),
                "Julian Assange: Sweden drops rape investigation - BBC News");

        assertThat(text)
                .contains("Prosecutors in Sweden have dropped an investigation into a rape allegation")
                .contains("He is currently being held at Belmarsh prison in London.")
                .doesNotContain("Media caption")
                .doesNotContain("Image copyright")
                .doesNotContain("Image caption");
    }

    @Test
    void dropsReadMoreTeasersDatelinesAndCutTeasersOfARealExpressPage() {
        String text = cleaner.clean(
                TextFixtures.read("express-plague.visible.txt"),
                "Bubonic plague: Third case of plague in China as panic begins – ‘The plague is coming’ | Science |"
                        + " News | Express.co.uk");

        assertThat(text)
                .contains("However, the other 28 people have showed no signs or symptoms of the plague.")
                .contains(
                        "Isolated cases often also spring up in the US, with up to a dozen people diagnosed annually.")
                .doesNotContain("READ MORE:")
                .doesNotContain("(Image: GETTY)")
                .doesNotContain("PUBLISHED:")
                .doesNotContain("as Hurri...");
    }

    @Test
    void aLineSaidTwiceOnOnePageIsChrome() {
        // the Ascom release names its address in the release and again in the page's footer
        String text = cleaner.clean(
                TextFixtures.read("ascom-draeger.visible.txt"),
                "Ascom and Dräger introduce integrated clinical alarm management solution in North America to improve"
                        + " patient care");

        assertThat(text)
                .contains("Dräger")
                .doesNotContain("Ascom (Holding) AG, Zugerstrasse 32, CH-6340 Baar Switzerland");
    }

    @Test
    void theSourcesStandingBoilerplateLearntFromItsOtherPageIsDropped() {
        String earlier = TextFixtures.read("wired-banking.visible.txt");
        String page = TextFixtures.read("wired-instagram.visible.txt");
        String title =
                "Chasing Instagram Analytics, People are Becoming Grocery Stores, Cruise Lines, and More | WIRED";
        String boilerplate = "WIRED is where tomorrow is realized.";

        assertThat(cleaner.clean(page, title)).contains(boilerplate);
        String text = cleaner.clean(page, title, PageLines.keys(earlier));
        assertThat(text).doesNotContain(boilerplate).contains("Instagram");
        assertThat(text.length()).isGreaterThan(2_000);
    }

    @Test
    void blankInputGivesEmptyText() {
        assertThat(cleaner.clean("", null)).isEmpty();
        assertThat(cleaner.clean("Home\nWorld\nSports\n", "Home")).isEmpty();
    }
}
