package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.text.ArticleTitle;
import io.newsflow.events.EnrichedArticle.DetectedLanguage;
import io.newsflow.events.EnrichedArticle.Entity;
import io.newsflow.events.EnrichedArticle.Topic;
import java.util.List;
import java.util.Map;

/**
 * What the enrichment steps found in one article, before the near-duplicate check.
 *
 * @param title the article's title: as given, else found in the page, else derived from the text
 * @param text the main text
 * @param producedBy step name -> the extractor, model or taxonomy version that produced its output
 */
public record ArticleAnalysis(
        ArticleTitle title,
        String text,
        DetectedLanguage language,
        List<Entity> entities,
        List<Topic> topics,
        Map<String, String> producedBy) {}
