package io.newsflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article with what enrichment found in it: the message on {@link Topics#ENRICHED}, keyed by {@code id}.
 * Schema: {@code schemas/enriched-article.v1.schema.json}.
 *
 * @param body the main text (boilerplate removed)
 * @param producedBy which extractor, model and taxonomy versions produced the tags, by step name
 */
public record EnrichedArticle(
        int schemaVersion,
        String id,
        int version,
        String url,
        String sourceId,
        String title,
        String body,
        String summary,
        List<String> authors,
        Instant publishedAt,
        String section,
        String imageUrl,
        List<String> tags,
        Map<String, Object> extra,
        String contentHash,
        Instant receivedAt,
        Instant enrichedAt,
        DetectedLanguage language,
        List<Entity> entities,
        List<Topic> topics,
        String duplicateOf,
        String storyId,
        Map<String, String> producedBy) {

    public static final int SCHEMA_VERSION = 1;

    /** ISO 639-1 code (e.g. {@code en}) and the detector's confidence in [0, 1]. */
    public record DetectedLanguage(String code, double confidence) {}

    /**
     * A named entity.
     *
     * @param type {@code person}, {@code organization} or {@code location}
     */
    public record Entity(String type, String name, int mentions, double salience, double confidence) {}

    /**
     * An IPTC Media Topic.
     *
     * @param code e.g. {@code medtop:11000000}
     * @param trigger what made the tagger choose it
     */
    public record Topic(String code, String label, double score, String trigger) {}
}
