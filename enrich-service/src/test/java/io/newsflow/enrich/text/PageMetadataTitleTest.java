package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.EnrichedArticle;
import org.junit.jupiter.api.Test;

class PageMetadataTitleTest {

    @Test
    void theOpenGraphTitleOfARealPage() {
        // a page of the Zyte article-extraction benchmark (src/test/resources/text/SOURCE.txt)
        assertThat(PageMetadataTitle.of(TextFixtures.read("jpost-weizsaecker.html"), "https://www.jpost.com/"))
                .contains(new ArticleTitle(
                        "Son of former German president stabbed to death in Berlin",
                        EnrichedArticle.TITLE_PAGE_METADATA));
    }

    @Test
    void jsonLdHeadlineComesFirst() {
        String html = "<html><head><title>Floods | Example News</title>"
                + "<meta property=og:title content='Floods in the north'>"
                + "<script type=application/ld+json>{\"@graph\":[{\"@type\":\"WebPage\"},"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Rivers burst their banks across the north\"}]}</script>"
                + "</head><body><h1>Rivers burst</h1></body></html>";

        assertThat(PageMetadataTitle.of(html, null).orElseThrow().text())
                .isEqualTo("Rivers burst their banks across the north");
    }

    @Test
    void theHeadingTheTitleRepeatsElseTheTitleWithoutTheSiteName() {
        String withHeading = "<html><head><title>Rivers burst their banks | Example News</title></head>"
                + "<body><nav>Home</nav><h1>Rivers burst their banks</h1><p>Text.</p></body></html>";
        String titleOnly = "<html><head><title>Rivers burst their banks across the north - Example News</title>"
                + "</head><body><p>Text.</p></body></html>";

        assertThat(PageMetadataTitle.of(withHeading, null))
                .contains(new ArticleTitle("Rivers burst their banks", EnrichedArticle.TITLE_PAGE_HEADLINE));
        assertThat(PageMetadataTitle.of(titleOnly, null))
                .contains(new ArticleTitle(
                        "Rivers burst their banks across the north", EnrichedArticle.TITLE_PAGE_METADATA));
    }

    @Test
    void aPageWithNoTitleAtAllHasNone() {
        assertThat(PageMetadataTitle.of("<html><body><p>Only a paragraph.</p></body></html>", null))
                .isEmpty();
    }
}
