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

    /**
     * Copies of each shard on other nodes: 0 on one node (the default), 1 or more on a cluster, so a node lost
     * loses no article. Applied to the indices at every start, so a change takes effect on the next restart.
     */
    @WithDefault("0")
    int replicas();
}
