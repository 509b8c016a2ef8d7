package io.newsflow.bench;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enriched articles made from the corpus, and the documents and bulk lines the search service writes for them,
 * so that the raw baseline sends Elasticsearch exactly what the service sends.
 */
final class IndexingDocuments {

    private IndexingDocuments() {}

    /** @param bodyChars the text cut or repeated to this length; 0 for the article's own text */
    static EnrichedArticle article(Corpus corpus, String source, String run, int n, int bodyChars) {
        String text = corpus.text(n);
        StringBuilder body = new StringBuilder(text);
        if (bodyChars > 0) {
            while (body.length() < bodyChars) {
                body.append("\n\n").append(text);
            }
            body.setLength(bodyChars);
        }
        String url = "https://bench.newsflow.io/" + run + "/" + n;
        Instant now = Instant.now();
        boolean politics = n % 3 != 0;
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                ArticleIds.forCanonicalUrl(url),
                1,
                url,
                source,
                corpus.title(n),
                body.toString(),
                null,
                List.of(),
                Instant.parse("2020-01-01T00:00:00Z").plus(Duration.ofHours(n % 40_000)),
                null,
                null,
                List.of(),
                Map.of(),
                "a".repeat(64),
                now,
                now,
                new EnrichedArticle.DetectedLanguage("en", 0.99),
                List.of(
                        new EnrichedArticle.Entity("person", "Person " + (n % 500), null, null, 2, 0.6, 0.9),
                        new EnrichedArticle.Entity(
                                "organization", "Organization " + (n % 200), null, "US", 1, 0.4, 0.9),
                        new EnrichedArticle.Entity(
                                "location", "Place " + (n % 300), "geonames:" + (n % 300), "FR", 1, 0.3, 0.9)),
                List.of(
                        politics
                                ? new EnrichedArticle.Topic("medtop:11000000", "politics", 0.8, "bench", null)
                                : new EnrichedArticle.Topic(
                                        "medtop:04000000", "economy, business and finance", 0.8, "bench", null)),
                null,
                null,
                Map.of("bench", run),
                url,
                null,
                null);
    }

    /**
     * The two bulk operations the service writes per article: the article (external version) and its version
     * record (left out when {@code versionsIndex} is null).
     */
    static String bulkLines(EnrichedArticle a, String index, String versionsIndex) {
        Instant indexedAt = Instant.now();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", a.id());
        doc.put("version", a.version());
        doc.put("url", a.url());
        doc.put("sourceId", a.sourceId());
        doc.put("title", a.title());
        doc.put("body", a.body());
        doc.put("summary", a.summary());
        doc.put("authors", a.authors());
        doc.put("section", a.section());
        doc.put("tags", a.tags());
        doc.put("imageUrl", a.imageUrl());
        doc.put("language", a.language().code());
        doc.put("publishedAt", a.publishedAt());
        doc.put("receivedAt", a.receivedAt());
        doc.put("enrichedAt", a.enrichedAt());
        doc.put("indexedAt", indexedAt);
        doc.put("indexDelayMillis", Duration.between(a.receivedAt(), indexedAt).toMillis());
        doc.put(
                "topics",
                a.topics().stream()
                        .map(t -> Map.of("code", t.code(), "label", t.label(), "score", t.score()))
                        .toList());
        List<Map<String, Object>> entities = new ArrayList<>();
        for (EnrichedArticle.Entity e : a.entities()) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("type", e.type());
            entity.put("name", e.name());
            entity.put("id", e.id());
            entity.put("country", e.country());
            entity.put("mentions", e.mentions());
            entity.put("salience", e.salience());
            entities.add(entity);
        }
        doc.put("entities", entities);
        doc.put("people", names(a, "person"));
        doc.put("organizations", names(a, "organization"));
        doc.put("locations", names(a, "location"));
        doc.put(
                "entityIds",
                a.entities().stream()
                        .map(EnrichedArticle.Entity::id)
                        .filter(id -> id != null)
                        .toList());
        doc.put(
                "countries",
                a.entities().stream()
                        .map(EnrichedArticle.Entity::country)
                        .filter(c -> c != null)
                        .distinct()
                        .toList());
        doc.put("contentHash", a.contentHash());
        doc.put("duplicateOf", a.duplicateOf());
        doc.put("storyId", a.storyId());
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("articleId", a.id());
        version.put("version", a.version());
        version.put("url", a.url());
        version.put("title", a.title());
        version.put("summary", a.summary());
        version.put("contentHash", a.contentHash());
        version.put("publishedAt", a.publishedAt());
        version.put("receivedAt", a.receivedAt());
        version.put("enrichedAt", a.enrichedAt());
        version.put("indexedAt", indexedAt);
        String article = "{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + a.id() + "\",\"version\":"
                + a.version() + ",\"version_type\":\"external\"}}\n" + EventJson.write(doc) + "\n";
        if (versionsIndex == null) {
            return article;
        }
        return article + "{\"index\":{\"_index\":\"" + versionsIndex + "\",\"_id\":\"" + a.id() + ":" + a.version()
                + "\"}}\n" + EventJson.write(version) + "\n";
    }

    private static List<String> names(EnrichedArticle a, String type) {
        return a.entities().stream()
                .filter(e -> type.equals(e.type()))
                .map(EnrichedArticle.Entity::name)
                .distinct()
                .toList();
    }
}
