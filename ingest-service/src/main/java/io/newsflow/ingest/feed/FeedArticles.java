package io.newsflow.ingest.feed;

import io.newsflow.ingest.article.ArticleSubmission;
import io.newsflow.ingest.page.Dates;
import io.newsflow.ingest.page.LanguageTags;
import java.util.LinkedHashMap;
import java.util.Map;

/** The article a feed item stands for, for pushed feeds and subscriptions alike. */
public final class FeedArticles {

    private FeedArticles() {}

    /** The article an item stands for; what the item lacks, validation reports in the item's own result. */
    public static ArticleSubmission of(FeedParser.ParsedFeed feed, FeedParser.FeedItem item) {
        boolean hasText = item.text() != null && !item.text().isBlank();
        boolean hasHtml = item.html() != null && !item.html().isBlank();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("feedFormat", feed.format());
        if (feed.title() != null) {
            extra.put("feedTitle", feed.title());
        }
        return new ArticleSubmission(
                item.link(),
                // no title: the enrichment derives one from the text's first sentence and marks it derived
                cut(item.title(), 1000),
                // an item with neither text nor HTML still says something: its summary, else its title
                hasText ? item.text() : hasHtml ? null : item.summary() != null ? item.summary() : item.title(),
                hasHtml && !hasText ? item.html() : null,
                cut(item.summary(), 10_000),
                item.authors().stream().map(a -> cut(a, 300)).limit(50).toList(),
                item.publishedAt() == null ? null : Dates.toOffsetDateTime(item.publishedAt()),
                LanguageTags.normalise(feed.language()),
                null,
                item.imageUrl(),
                item.tags().stream().map(t -> cut(t, 200)).distinct().limit(100).toList(),
                item.uri(),
                null,
                null,
                extra);
    }

    /** Feeds carry what the article contract would refuse: over-long titles, summaries and tags are cut. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
