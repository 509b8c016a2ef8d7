package io.newsflow.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the search service keeps its indices. */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** The alias searches and writes go through; the indices behind it are named {@code <alias>-v<N>[-<time>]}. */
    @WithDefault("articles")
    String alias();

    /** The revision history: one document per article version. */
    @WithDefault("article-versions")
    String versionsIndex();
}
