package io.newsflow.commons.status;

import java.util.Map;

/**
 * What {@code GET /api/v1/status} answers: counts since the process started, rates over the last minute, the
 * consumer group's lag (null for ingest, or while unknown) and the state of each dependency the service uses.
 */
public record ServiceStatus(
        String service,
        PipelineMetrics.ArticleCounts articles,
        RateWindow.Rates ratePerSecond,
        Long consumerLag,
        Map<String, String> checks) {}
