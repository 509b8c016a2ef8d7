package io.newsflow.enrich.text;

import io.newsflow.events.EnrichedArticle;

/**
 * An article's title and where it came from: as given, the headline line of a scraped page, an HTML page's metadata,
 * or derived from the text's first sentence.
 *
 * @param text the title
 * @param source one of {@link EnrichedArticle#TITLE_GIVEN}, {@link EnrichedArticle#TITLE_PAGE_HEADLINE}, {@link
 *     EnrichedArticle#TITLE_PAGE_METADATA}, {@link EnrichedArticle#TITLE_DERIVED}
 */
public record ArticleTitle(String text, String source) {

    public static ArticleTitle given(String text) {
        return new ArticleTitle(text.strip(), EnrichedArticle.TITLE_GIVEN);
    }

    /** The first sentence of the text, for an article that has no title anywhere. */
    public static ArticleTitle derived(String text) {
        return new ArticleTitle(DerivedTitle.of(text), EnrichedArticle.TITLE_DERIVED);
    }

    public static boolean isPresent(String title) {
        return title != null && !title.isBlank();
    }
}
