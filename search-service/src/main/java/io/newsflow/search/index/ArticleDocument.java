package io.newsflow.search.index;

import io.newsflow.events.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article as it is stored in the index (document id = article id). Entity names are also kept as flat keyword
 * arrays per type, so filters and facets are plain term queries and terms aggregations.
 *
 * @param indexDelayMillis from {@code receivedAt} to {@code indexedAt}; null for replayed articles, whose delay
 *     says nothing about live freshness
 * @param uri the article's identity (its canonical URL, or the newsroom's non-web URI)
 * @param titleSource where the title came from (see {@link EnrichedArticle#titleSource()})
 * @param extra what the newsroom sent that newsflow has no field for, kept as it came (stored, not searched)
 */
public record ArticleDocument(
        String id,
        int version,
        String url,
        String sourceId,
        String title,
        String body,
        String summary,
        List<String> authors,
        String section,
        List<String> tags,
        String imageUrl,
        String language,
        Instant publishedAt,
        Instant receivedAt,
        Instant enrichedAt,
        Instant indexedAt,
        Long indexDelayMillis,
        List<Topic> topics,
        List<Entity> entities,
        List<String> people,
        List<String> organizations,
        List<String> locations,
        List<String> entityIds,
        List<String> countries,
        String contentHash,
        String duplicateOf,
        String storyId,
        String uri,
        String titleSource,
        String located,
        Map<String, Object> extra) {

    public static final String PERSON = "person";
    public static final String ORGANIZATION = "organization";
    public static final String LOCATION = "location";

    /** @param confidence the tagger's and resolver's confidence, 0 to 1; null in documents indexed before it */
    public record Entity(
            String type, String name, String id, String country, int mentions, double salience, Double confidence) {}

    /** @param origin {@code newsroom} when the sender gave it, else {@code tagger} */
    public record Topic(String code, String label, double score, String origin) {}

    /** The document of a live article, whose index delay counts towards freshness. */
    public static ArticleDocument of(EnrichedArticle article, Instant indexedAt) {
        return of(article, indexedAt, true);
    }

    /** The document of a replayed article: indexed now, but not a measure of freshness. */
    public static ArticleDocument replayed(EnrichedArticle article, Instant indexedAt) {
        return of(article, indexedAt, false);
    }

    private static ArticleDocument of(EnrichedArticle article, Instant indexedAt, boolean live) {
        List<EnrichedArticle.Entity> entities = nullToEmpty(article.entities());
        return new ArticleDocument(
                article.id(),
                article.version(),
                article.url(),
                article.sourceId(),
                article.title(),
                article.body(),
                article.summary(),
                article.authors(),
                article.section(),
                article.tags(),
                article.imageUrl(),
                article.language() == null ? null : article.language().code(),
                article.publishedAt(),
                article.receivedAt(),
                article.enrichedAt(),
                indexedAt,
                live && article.receivedAt() != null
                        ? Duration.between(article.receivedAt(), indexedAt).toMillis()
                        : null,
                nullToEmpty(article.topics()).stream()
                        .map(t -> new Topic(
                                t.code(),
                                t.label(),
                                t.score(),
                                t.origin() == null ? EnrichedArticle.ORIGIN_TAGGER : t.origin()))
                        .toList(),
                entities.stream()
                        .map(e -> new Entity(
                                e.type(), e.name(), e.id(), e.country(), e.mentions(), e.salience(), e.confidence()))
                        .toList(),
                names(entities, PERSON),
                names(entities, ORGANIZATION),
                names(entities, LOCATION),
                entities.stream()
                        .map(EnrichedArticle.Entity::id)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                entities.stream()
                        .map(EnrichedArticle.Entity::country)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                article.contentHash(),
                article.duplicateOf(),
                article.storyId(),
                article.identity(),
                article.titleSource() == null ? EnrichedArticle.TITLE_GIVEN : article.titleSource(),
                article.located(),
                article.extra() == null || article.extra().isEmpty() ? null : article.extra());
    }

    private static List<String> names(List<EnrichedArticle.Entity> entities, String type) {
        return entities.stream()
                .filter(e -> type.equals(e.type()))
                .map(EnrichedArticle.Entity::name)
                .distinct()
                .toList();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
