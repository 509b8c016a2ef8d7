package io.newsflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article with what enrichment found in it: the message on {@link Topics#ENRICHED}, keyed by {@code id}.
 * Schema: {@code schemas/enriched-article.v1.schema.json}.
 *
 * @param url the canonical web address; null when the article has only a non-web identity ({@code uri})
 * @param title the headline: as given, or found in the page, or derived from the text ({@code titleSource})
 * @param body the main text (boilerplate removed)
 * @param producedBy which extractor, model and taxonomy versions produced the tags, by step name
 * @param uri the article's identity (see {@link RawArticle#uri()}); null only in messages written before it
 * @param titleSource where the title came from: {@link #TITLE_GIVEN} (or null, in messages written before it),
 *     {@link #TITLE_PAGE_HEADLINE}, {@link #TITLE_PAGE_METADATA} or {@link #TITLE_DERIVED}
 * @param located where the article was written, as the sender named it
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
        Map<String, String> producedBy,
        String uri,
        String titleSource,
        String located) {

    public static final int SCHEMA_VERSION = 1;

    /** The sender gave the title. */
    public static final String TITLE_GIVEN = "given";
    /** The headline line of a scraped page's text. */
    public static final String TITLE_PAGE_HEADLINE = "page-headline";
    /** An HTML page's metadata: OpenGraph, JSON-LD, its {@code h1} or {@code <title>}. */
    public static final String TITLE_PAGE_METADATA = "page-metadata";
    /** Made from the text's first sentence, because the sender gave none and the page named none. */
    public static final String TITLE_DERIVED = "derived";

    /** A topic the tagger chose. */
    public static final String ORIGIN_TAGGER = "tagger";
    /** A topic the newsroom gave (ninjs {@code subject}), kept as given. */
    public static final String ORIGIN_NEWSROOM = "newsroom";

    /** The article's identity: {@code uri}, or {@code url} for messages written before {@code uri} existed. */
    public String identity() {
        return uri != null ? uri : url;
    }

    /** ISO 639-1 code (e.g. {@code en}) and the detector's confidence in [0, 1]. */
    public record DetectedLanguage(String code, double confidence) {}

    /**
     * A named entity, under its canonical name.
     *
     * @param type {@code person}, {@code organization} or {@code location}
     * @param id a stable id when the entity is known: {@code wikidata:Q30}, {@code geonames:5128581},
     *     {@code kb:<uuid>} for the operators' knowledge base; {@code null} otherwise
     * @param country ISO 3166-1 alpha-2 code of the place's (or organisation's) country, when known
     * @param mentions how often the article mentions it (under any of its names)
     * @param salience how central it is to the article, in [0, 1]
     * @param confidence the tagger's confidence, in [0, 1]
     */
    public record Entity(
            String type, String name, String id, String country, int mentions, double salience, double confidence) {}

    /**
     * An IPTC Media Topic.
     *
     * @param code e.g. {@code medtop:11000000}
     * @param trigger what made the tagger choose it
     * @param origin {@link #ORIGIN_TAGGER} or {@link #ORIGIN_NEWSROOM}; null in messages written before it
     */
    public record Topic(String code, String label, double score, String trigger, String origin) {}
}
