package io.newsflow.ingest.page;

import io.newsflow.commons.problem.InvalidInputException;
import io.newsflow.events.BodyFormat;
import io.newsflow.ingest.article.ArticleService;
import io.newsflow.ingest.article.ArticleSubmission;
import io.newsflow.ingest.article.SubmittedItem;
import io.newsflow.ingest.auth.Access;
import io.newsflow.ingest.auth.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Scraped pages: a raw HTML page, or the text a scraper pulled off one (page chrome and all). */
@Path("/api/v1/pages")
@Tag(name = "Pages")
@Access(Access.Role.SOURCE)
@Produces(MediaType.APPLICATION_JSON)
public class PageResource {

    private final ArticleService service;
    private final PageExtractor extractor;
    private final Caller caller;

    PageResource(ArticleService service, PageExtractor extractor, Caller caller) {
        this.service = service;
        this.extractor = extractor;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Blocking
    @Operation(
            summary = "Submit a raw HTML page",
            description = "Title, authors, date, language, description, image and tags come from the page's"
                    + " schema.org, OpenGraph and meta tags; the raw HTML travels on for the enrichment.")
    public Response html(
            @QueryParam("url") @NotBlank @Size(max = 2048) String url,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body)
            throws IOException {
        requireBody(body);
        Document page = Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), url);
        PageExtractor.ExtractedPage extracted = extractor.extract(page);
        // a page without a title (no <title>, og:title or headline) still gets in: enrichment finds its headline or
        // derives one from the text, and says so in titleSource
        ArticleSubmission article = new ArticleSubmission(
                url,
                extracted.title(),
                extracted.text(),
                page.outerHtml(),
                extracted.summary(),
                extracted.authors(),
                extracted.publishedAt() == null ? null : Dates.toOffsetDateTime(extracted.publishedAt()),
                extracted.language(),
                extracted.section(),
                extracted.imageUrl(),
                extracted.tags(),
                null,
                null,
                null,
                Map.of("extractedBy", PageExtractor.NAME));
        return ingest(SubmittedItem.of(0, article, BodyFormat.HTML));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Blocking
    @Operation(
            summary = "Submit the text a scraper pulled off a page",
            description = "Kept as it came, navigation and footers included: the enrichment finds the article in"
                    + " it. The title is the title parameter; without it, enrichment finds the page's headline line"
                    + " (titleSource page-headline), else derives one from the text (derived).")
    public Response text(
            @QueryParam("url") @NotBlank @Size(max = 2048) String url,
            @QueryParam("title") @Size(max = 1000) String title,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        requireBody(body);
        String text = decode(body, contentType);
        // without a title the first line would be the page's chrome ("Accessibility links"): enrichment finds the
        // headline where the article starts
        String headline = title != null && !title.isBlank() ? title.strip() : null;
        ArticleSubmission article = new ArticleSubmission(
                url, headline, text, null, null, null, null, null, null, null, null, null, null, null, Map.of());
        return ingest(SubmittedItem.of(0, article, BodyFormat.SCRAPED_TEXT));
    }

    private Response ingest(SubmittedItem item) {
        return service.ingestAndWait(List.of(item), caller.sourceId())
                .getFirst()
                .toSingleResponse();
    }

    private static void requireBody(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", "is empty: send the page");
        }
    }

    /** The charset the Content-Type names, or null to let the page (BOM, meta charset) say. */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase().startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").strip();
                return supported(name) ? name : null;
            }
        }
        return null;
    }

    /** An unknown charset is ignored like a missing one; a name no charset could have ({@code %%%}) as well. */
    private static boolean supported(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(byte[] body, String contentType) {
        String name = charset(contentType);
        Charset charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "is not valid " + charset.name() + " text");
        }
    }
}
