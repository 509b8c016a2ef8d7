package io.newsflow.search.article;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.newsflow.search.index.ArticleDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An article in the shape of IPTC ninjs 1.x (the news-in-JSON standard): {@code uri}, {@code headline},
 * {@code body_text}, {@code versioncreated}, topics and entities as {@code subject}s. What ninjs has no field
 * for (the source, the story, when newsflow received and indexed it) is under {@code newsflow}. {@code uri} is the
 * article's identity as the newsroom gave it. What the newsroom sent that newsflow has no field for comes back as it
 * came, at the top level; a property whose name this shape already uses comes back under {@code newsflow.extra}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NinjsArticle(
        String uri,
        String type,
        String version,
        Instant firstcreated,
        Instant versioncreated,
        String pubstatus,
        String language,
        String headline,
        @JsonProperty("description_text") String descriptionText,
        @JsonProperty("body_text") String bodyText,
        String byline,
        List<String> keywords,
        List<Subject> subject,
        List<Link> links,
        String located,
        List<NinjsEntity> people,
        List<NinjsEntity> organisations,
        List<NinjsEntity> places,
        Newsflow newsflow,
        @JsonIgnore Map<String, Object> extra) {

    /** The names this shape gives its own properties: a newsroom's extra field of the same name goes under newsflow. */
    static final Set<String> OWN_NAMES = Set.of(
            "uri",
            "type",
            "version",
            "firstcreated",
            "versioncreated",
            "pubstatus",
            "language",
            "headline",
            "description_text",
            "body_text",
            "byline",
            "keywords",
            "subject",
            "links",
            "located",
            "people",
            "organisations",
            "places",
            "newsflow");

    /** The newsroom's extra fields whose names do not collide, at the top level as they came. */
    @JsonAnyGetter
    public Map<String, Object> extraFields() {
        return extra == null ? Map.of() : extra;
    }

    static final String MEDIA_TOPICS = "http://cv.iptc.org/newscodes/mediatopic/";
    static final String ENTITY_SCHEME = "https://newsflow.io/schemes/entity/";

    /**
     * A topic ({@code rel} about, {@code scheme} IPTC Media Topics) or a named entity ({@code rel} mentions,
     * {@code scheme} newsflow's entity type: person, organization or location).
     *
     * @param code the Media Topic code, or the entity's id (wikidata:Q30) when it has one
     * @param relevance 0 to 100
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(
            String name, String rel, String scheme, String code, Integer relevance, String country, String creator) {}

    public record Link(String href, String rel) {}

    /**
     * A person, organisation or place the article mentions, as ninjs {@code people}, {@code organisations} and
     * {@code places} carry them, with what newsflow knows of it.
     *
     * @param uri the entity's id ({@code wikidata:Q30}, {@code geonames:2988507}, a knowledge-base id), when it has one
     * @param rel always {@code mentions}: the article mentions it
     * @param type newsflow's type: person, organization or location
     * @param country ISO 3166-1 alpha-2, when known
     * @param salience 0 to 1: how central it is to the article (mentions, title, position)
     * @param confidence 0 to 1; absent for articles indexed before it was kept
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NinjsEntity(
            String name,
            String uri,
            String rel,
            String type,
            String country,
            int mentions,
            double salience,
            Double confidence) {}

    /** What newsflow knows beside ninjs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Newsflow(
            String id,
            int version,
            String url,
            String sourceId,
            String storyId,
            String duplicateOf,
            String titleSource,
            Instant receivedAt,
            Instant enrichedAt,
            Instant indexedAt,
            Map<String, Object> extra) {}

    private static List<NinjsEntity> entities(ArticleDocument doc, String type) {
        if (doc.entities() == null) {
            return List.of();
        }
        return doc.entities().stream()
                .filter(e -> type.equals(e.type()))
                .map(e -> new NinjsEntity(
                        e.name(),
                        e.id(),
                        "mentions",
                        e.type(),
                        e.country(),
                        e.mentions(),
                        e.salience(),
                        e.confidence()))
                .toList();
    }

    public static NinjsArticle of(ArticleDocument doc) {
        List<Subject> subjects = new ArrayList<>();
        if (doc.topics() != null) {
            doc.topics()
                    .forEach(t -> subjects.add(new Subject(
                            t.label(),
                            "about",
                            MEDIA_TOPICS,
                            t.code(),
                            (int) Math.round(t.score() * 100),
                            null,
                            t.origin())));
        }
        if (doc.entities() != null) {
            doc.entities()
                    .forEach(e -> subjects.add(new Subject(
                            e.name(),
                            "mentions",
                            ENTITY_SCHEME + e.type(),
                            e.id(),
                            (int) Math.round(e.salience() * 100),
                            e.country(),
                            null)));
        }
        Map<String, Object> topLevel = new LinkedHashMap<>();
        Map<String, Object> colliding = new LinkedHashMap<>();
        if (doc.extra() != null) {
            doc.extra().forEach((name, value) -> (OWN_NAMES.contains(name) ? colliding : topLevel).put(name, value));
        }
        return new NinjsArticle(
                doc.uri() != null ? doc.uri() : "urn:newsflow:article:" + doc.id(),
                "text",
                Integer.toString(doc.version()),
                doc.publishedAt(),
                doc.receivedAt(),
                "usable",
                doc.language(),
                doc.title(),
                doc.summary(),
                doc.body(),
                doc.authors() == null || doc.authors().isEmpty() ? null : String.join(", ", doc.authors()),
                doc.tags(),
                subjects,
                doc.url() == null ? List.of() : List.of(new Link(doc.url(), "canonical")),
                doc.located(),
                entities(doc, "person"),
                entities(doc, "organization"),
                entities(doc, "location"),
                new Newsflow(
                        doc.id(),
                        doc.version(),
                        doc.url(),
                        doc.sourceId(),
                        doc.storyId(),
                        doc.duplicateOf(),
                        doc.titleSource(),
                        doc.receivedAt(),
                        doc.enrichedAt(),
                        doc.indexedAt(),
                        colliding.isEmpty() ? null : colliding),
                topLevel);
    }
}
