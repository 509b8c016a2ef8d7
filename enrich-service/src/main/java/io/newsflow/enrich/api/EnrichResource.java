package io.newsflow.enrich.api;

import io.newsflow.enrich.dedup.NearDuplicateIndex;
import io.newsflow.enrich.dedup.StoryMatch;
import io.newsflow.enrich.pipeline.ArticleAnalysis;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.text.SourceChrome;
import io.newsflow.events.BodyFormat;
import io.newsflow.events.EnrichedArticle.DetectedLanguage;
import io.newsflow.events.EnrichedArticle.Entity;
import io.newsflow.events.EnrichedArticle.Topic;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    /** A title and either plain text or a whole HTML page (then the main text is extracted from it). */
    public record EnrichRequest(
            @NotBlank @Size(max = 1000) String title,
            @Size(max = 2_000_000) String text,
            @Size(max = 2_000_000) String html,
            @Size(max = 2048) String url,
            @Size(max = 200) String sourceId) {

        @AssertTrue(message = "give exactly one of text and html")
        public boolean isOneBody() {
            return (text == null) != (html == null);
        }
    }

    public record EnrichResponse(
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
        BodyFormat format = request.html() != null ? BodyFormat.HTML : BodyFormat.TEXT;
        String body = request.html() != null ? request.html() : request.text();
        // what the source's earlier pages taught is used, never added to: this call has no side effects
        Set<Long> chrome = sourceChrome.known(request.sourceId(), null).await().atMost(LOOKUP_TIMEOUT);
        ArticleAnalysis analysis = enricher.analyse(request.title().strip(), format, body, request.url(), chrome);
        StoryMatch story;
        try {
            story = duplicates.find(analysis.text()).await().atMost(LOOKUP_TIMEOUT);
        } catch (RuntimeException e) {
            // the enrichment is the answer; without PostgreSQL it just cannot name an earlier copy
            LOG.warnf("Near-duplicate look-up unavailable: %s", e.getMessage());
            story = new StoryMatch(null, null);
        }
        return new EnrichResponse(
                analysis.text(),
                analysis.language(),
                analysis.entities(),
                analysis.topics(),
                story.duplicateOf(),
                story.storyId(),
                analysis.producedBy());
    }
}
