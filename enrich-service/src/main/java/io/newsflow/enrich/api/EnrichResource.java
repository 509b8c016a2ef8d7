package io.newsflow.enrich.api;

import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.enrich.dedup.NearDuplicateIndex;
import io.newsflow.enrich.dedup.StoryMatch;
import io.newsflow.enrich.pipeline.ArticleAnalysis;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.text.ArticleTitle;
import io.newsflow.enrich.text.SourceChrome;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EnrichedArticle.DetectedLanguage;
import io.newsflow.events.EnrichedArticle.Entity;
import io.newsflow.events.EnrichedArticle.Topic;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The enrichment of one article, synchronously and without side effects: nothing is published or stored. The
 * near-duplicate check only reads (it names the earlier article this text copies, if any).
 */
@Path("/api/v1/enrich")
@Tag(name = "Enrichment")
public class EnrichResource {

    private static final Logger LOG = Logger.getLogger(EnrichResource.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private final ArticleEnricher enricher;
    private final NearDuplicateIndex duplicates;
    private final SourceChrome sourceChrome;

    EnrichResource(ArticleEnricher enricher, NearDuplicateIndex duplicates, SourceChrome sourceChrome) {
        this.enricher = enricher;
        this.duplicates = duplicates;
        this.sourceChrome = sourceChrome;
    }

    /**
     * A body of one of three kinds and, for clean text, a title: with an HTML page or a scraped page the title is
     * found in the page when none is given.
     */
    public record EnrichRequest(
            @Schema(description = "The headline. Required with text; with html or page, found in the page when missing")
            @Size(max = 1000)
            String title,

            @Schema(description = "Clean article text, as a newsroom writes it") @Size(max = 2_000_000)
            String text,

            @Schema(description = "A whole HTML page: the article is extracted from it") @Size(max = 2_000_000)
            String html,

            @Schema(
                    description = "The text a scraper pulled off a page (one block per line), navigation,"
                            + " captions, teasers and footers and all: the article is found in it")
            @Size(max = 2_000_000)
            String page,

            @Size(max = 2048) String url,

            @Schema(description = "The source whose earlier pages' chrome is dropped (read only)") @Size(max = 200)
            String sourceId) {}

    public record EnrichResponse(
            @Schema(description = "The title used: as given, or found in the page, or derived from the text")
            String title,

            @Schema(
                    description = "Where the title came from",
                    enumeration = {
                        EnrichedArticle.TITLE_GIVEN,
                        EnrichedArticle.TITLE_PAGE_HEADLINE,
                        EnrichedArticle.TITLE_PAGE_METADATA,
                        EnrichedArticle.TITLE_DERIVED
                    })
            String titleSource,

            String text,
            DetectedLanguage language,
            List<Entity> entities,
            List<Topic> topics,
            String duplicateOf,
            String storyId,
            Map<String, String> producedBy) {}

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrich one article now: main text, language, entities, topics, near-copy of")
    public EnrichResponse enrich(@Valid @NotNull EnrichRequest request) {
        BodyFormat format = format(request);
        String body = switch (format) {
            case HTML -> request.html();
            case SCRAPED_TEXT -> request.page();
            case TEXT -> request.text();
        };
        // what the source's earlier pages taught is used, never added to: this call has no side effects
        Set<Long> chrome = sourceChrome.known(request.sourceId(), null).await().atMost(LOOKUP_TIMEOUT);
        ArticleAnalysis analysis = enricher.analyse(request.title(), format, body, request.url(), chrome);
        StoryMatch story;
        try {
            story = duplicates.find(analysis.text()).await().atMost(LOOKUP_TIMEOUT);
        } catch (RuntimeException e) {
            // the enrichment is the answer; without PostgreSQL it just cannot name an earlier copy
            LOG.warnf("Near-duplicate look-up unavailable: %s", e.getMessage());
            story = new StoryMatch(null, null);
        }
        return new EnrichResponse(
                analysis.title().text(),
                analysis.title().source(),
                analysis.text(),
                analysis.language(),
                analysis.entities(),
                analysis.topics(),
                story.duplicateOf(),
                story.storyId(),
                analysis.producedBy());
    }

    /** Exactly one body, and a title with clean text; otherwise a 400 that says what to send. */
    private static BodyFormat format(EnrichRequest request) {
        List<String> given = new ArrayList<>();
        if (request.text() != null) {
            given.add("text");
        }
        if (request.html() != null) {
            given.add("html");
        }
        if (request.page() != null) {
            given.add("page");
        }
        if (given.isEmpty()) {
            throw new InvalidInputException(
                    "text",
                    "no body: give one of text (clean article text), html (a whole HTML page) or page (the text"
                            + " scraped off a page, chrome and all)");
        }
        if (given.size() > 1) {
            throw new InvalidInputException(
                    given.get(1),
                    "give only one of text, html and page; this request has " + String.join(" and ", given));
        }
        if (request.text() != null && !ArticleTitle.isPresent(request.title())) {
            throw new InvalidInputException(
                    "title", "is required with text (with html or page it is found in the page when missing)");
        }
        return request.html() != null
                ? BodyFormat.HTML
                : request.page() != null ? BodyFormat.SCRAPED_TEXT : BodyFormat.TEXT;
    }
}
