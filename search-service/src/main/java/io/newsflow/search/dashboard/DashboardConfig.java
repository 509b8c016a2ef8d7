package io.newsflow.search.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** The operators' dashboard: who may see it, and where the other services of this stack answer. */
@ConfigMapping(prefix = "newsflow.dashboard")
public interface DashboardConfig {

    /**
     * {@code NEWSFLOW_DASHBOARD_PROTECTED}: the page and {@code /api/v1/dashboard/*} need the admin key. Off by
     * default, because the embedded stack runs on the operator's own machine.
     */
    @WithName("protected")
    @WithDefault("false")
    boolean protectedByAdminKey();

    /** The ingest service, for its status and its feeds' health. */
    @WithDefault("http://localhost:8081")
    String ingestUrl();

    @WithDefault("http://localhost:8082")
    String enrichUrl();

    /** This service as the others would reach it; by default this process on its own port. */
    Optional<String> searchUrl();
}
