package io.newsflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as the ingest service accepted it: the message on {@link Topics#RAW}, keyed by {@code id}.
 * Schema: {@code schemas/raw-article.v1.schema.json}.
 *
 * @param id UUID v5 of the canonical URL (see {@link ArticleIds})
 * @param version 1 for the first content seen at this URL, +1 for each change of content
 * @param url the canonical URL
 * @param contentHash SHA-256 (hex) of the normalised title and text, shared by copies at other URLs
 * @param extra fields the sender gave that the contract does not name, kept as they came
 */
public record RawArticle(
        int schemaVersion,
        String id,
        int version,
        String url,
        String sourceId,
        String title,
        BodyFormat format,
        String body,
        String html,
        String summary,
        List<String> authors,
        Instant publishedAt,
        String language,
        String section,
        String imageUrl,
        List<String> tags,
        Map<String, Object> extra,
        String contentHash,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;
}
