package io.newsflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as the ingest service accepted it: the message on {@link Topics#RAW}, keyed by {@code id}.
 * Schema: {@code schemas/raw-article.v1.schema.json}.
 *
 * @param id UUID v5 of {@code uri} (see {@link ArticleIds})
 * @param version 1 for the first content seen under this identity, +1 for each change of content
 * @param url the canonical web address (http or https); null when the sender gave only a non-web identity
 * @param title the headline as the sender gave it; null when it gave none (enrichment finds or derives one)
 * @param contentHash SHA-256 (hex) of the normalised title and text, shared by copies at other URLs
 * @param extra fields the sender gave that the contract does not name, kept as they came
 * @param uri the article's identity: its canonical URL, or the non-web URI the sender gave ({@code urn:},
 *     {@code tag:}, a feed item's guid as a URI); null only in messages written before it existed, whose
 *     identity is {@code url}
 * @param located where the article was written, as the sender named it (a dateline: "Paris", "Kyiv, Ukraine")
 * @param subjects the sender's own classification (ninjs {@code subject}), e.g. IPTC Media Topics
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
        Instant receivedAt,
        String uri,
        String located,
        List<Subject> subjects) {

    public static final int SCHEMA_VERSION = 1;

    /** The article's identity: {@code uri}, or {@code url} for messages written before {@code uri} existed. */
    public String identity() {
        return uri != null ? uri : url;
    }

    /**
     * One subject as the sender classified the article.
     *
     * @param code a qualified code when the scheme is known ({@code medtop:20000002}, {@code subj:15000000}),
     *     else the sender's URI or code as given
     * @param name the subject's name, if the sender gave one
     * @param rel how it relates to the article ({@code about}, {@code mentions}...), if given
     */
    public record Subject(String code, String name, String rel) {}
}
