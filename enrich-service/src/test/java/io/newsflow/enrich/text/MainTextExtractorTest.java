package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MainTextExtractorTest {

    private final MainTextExtractor extractor = new MainTextExtractor();

    @Test
    void keepsTheArticleOfANewsPageWithoutItsNavigationAndFooter() {
        String text = extractor.extract(
                TextFixtures.read("polygraph-al-tanf.html"),
                "https://www.polygraph.info/a/fact-check-russia-us-al-tanf-rukban/30279181.html");

        assertThat(text)
                .contains("The Pentagon rejected these accusations as “patently false,”")
                .contains("The population in the Rukban camp has fluctuated and currently is estimated at around"
                        + " 40,000.")
                .contains("Simpson suggested the most likely reason Rukban residents are refusing to leave the camp"
                        + " is fear of Syrian retribution.")
                .doesNotContain("Skip to main content")
                .doesNotContain("Breaking News")
                .doesNotContain("Toggle search");
    }

    @Test
    void headingsAreParagraphsOfTheirOwn() {
        String text = extractor.extract(TextFixtures.read("polygraph-al-tanf.html"), null);

        assertThat(text.split("\n\n")).contains("The al-Tanf base", "The Rukban camp");
    }

    @Test
    void readsTextWrittenStraightIntoTheArticleContainer() {
        String text = extractor.extract(
                TextFixtures.read("jpost-weizsaecker.html"),
                "https://www.jpost.com/Breaking-News/Son-of-former-German-president-stabbed-to-death-in-Berlin-608416");

        assertThat(text)
                .contains("Fritz Eckart von Weizsäcker was stabbed to death")
                .contains("Police arrested a 57-year-old man suspect of committing the assassination.")
                .doesNotContain("Subscribe for our daily newsletter")
                .doesNotContain("Liberman: Both parties are to blame for lack of unity government")
                .doesNotContain("All rights reserved");
    }

    @Test
    void keepsSubheadingsButDropsTheTitleCommentsRelatedLinksAndShareButtons() {
        String html = """
                <html><body>
                <nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article>
                  <h1>Council approves the new bridge</h1>
                  <h2>A vote after two years</h2>
                  <p>The city council approved the new bridge on Tuesday, after two years of debate about its cost.</p>
                  <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
                  <p>Construction is expected to start in the spring and to last eighteen months, the mayor said.</p>
                  <figure><img src="b.jpg"><figcaption>16x9 Image</figcaption></figure>
                  <ul class="related-links"><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>
                </article>
                <div id="comments"><p>First comment: what a waste of money, as usual in this town.</p></div>
                <footer>Copyright 2024 The Daily Example</footer>
                </body></html>
                """;

        String text = extractor.extract(html, "https://example.org/bridge");

        assertThat(text)
                .isEqualTo("A vote after two years\n\n"
                        + "The city council approved the new bridge on Tuesday, after two years of debate about its"
                        + " cost.\n\n"
                        + "Construction is expected to start in the spring and to last eighteen months, the mayor"
                        + " said.");
    }

    @Test
    void deeplyNestedPagesDoNotOverflowTheStack() {
        String html = "<div>".repeat(5000)
                + "<p>A paragraph at the bottom of five thousand nested divs, with enough words to be article text"
                + " for the extractor and its fallback alike.</p>"
                + "</div>".repeat(5000);

        assertThat(extractor.extract(html, null)).contains("A paragraph at the bottom of five thousand nested divs");
    }

    @Test
    void oneExtractorServesConcurrentCallers() throws Exception {
        String page = TextFixtures.read("polygraph-al-tanf.html");
        String expected = extractor.extract(page, null);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> extractor.extract(page, null)));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void emptyPagesGiveEmptyText() {
        assertThat(extractor.extract("", null)).isEmpty();
        assertThat(extractor.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>", null))
                .isEmpty();
    }

    @Test
    void aPageNestedAHundredThousandLevelsDeepTakesSecondsNotMinutes() {
        // before the nesting limit this page (1.6 MB, as one article of an NDJSON stream can be) held an
        // enrichment consumer for minutes: every pass walks each element's ancestors
        String bomb = "<div>".repeat(100_000) + "buried words" + "</div>".repeat(100_000);
        String html = "<html><body><article><h1>Flood warning</h1><p>The river rose two metres overnight and the"
                + " council closed the bridge while engineers inspected it for damage.</p></article>" + bomb
                + "</body></html>";

        long started = System.nanoTime();
        String text = extractor.extract(html, null);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("extraction time in ms").isLessThan(10_000);
        assertThat(text).contains("The river rose two metres overnight");
    }

    @Test
    void theNestingLimitKeepsTheTextBelowIt() {
        org.jsoup.nodes.Document page =
                org.jsoup.Jsoup.parse("<div>".repeat(20) + "<p>deep <b>words</b></p>" + "</div>".repeat(20));

        NestingLimit.apply(page, 10);

        assertThat(page.text()).isEqualTo("deep words");
        assertThat(page.select("b")).isEmpty();
        assertThat(page.select("div")).hasSizeLessThan(20);
    }
}
