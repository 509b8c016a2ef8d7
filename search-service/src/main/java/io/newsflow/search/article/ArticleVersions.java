package io.newsflow.search.article;

import io.newsflow.search.index.ArticleVersion;
import java.util.List;

/** The revision history of an article: every version indexed, newest first. */
public record ArticleVersions(String id, int latest, List<ArticleVersion> versions) {}
