package io.newsflow.ingest.article;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article as a newsroom posts it, after the ninjs idea. Fields the contract does not name are kept in
 * {@code extra} as they came, not dropped. An article is identified by {@code uri} when given, else by {@code url}.
 */
@Schema(description = "An article: url, title, and its text as body (plain text) or html")
public record ArticleSubmission(
        @Schema(
                description = "The article's web address; tracking parameters and fragments are ignored. Required"
                        + " unless uri is given",
                example = "https://news.example.org/2024/05/01/summit")
        @Size(max = 2048)
        String url,

        @Schema(
                description = "The headline. Optional: without one, enrichment finds the page's headline or makes"
                        + " one from the text's first sentence (and says so in titleSource)",
                example = "Leaders meet in Reykjavík")
        @Size(max = 1000)
        String title,

        @Schema(description = "The article text (this or html)") @Size(max = MAX_TEXT)
        String body,

        @Schema(description = "The article as HTML (this or body)") @Size(max = MAX_TEXT)
        String html,

        @Size(max = 10_000) String summary,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> authors,

        @Schema(description = "ISO-8601 date-time", example = "2024-05-01T10:00:00Z") @YearRange(min = 0, max = 9999)
        OffsetDateTime publishedAt,

        @Schema(description = "BCP 47 language tag, if the sender knows it", example = "en")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as en or pt-BR")
        String language,

        @Size(max = 300) String section,
        @Size(max = 2048) String imageUrl,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> tags,

        @Schema(
                description = "The article's identity when it is not its web address: any absolute URI, such as a"
                        + " urn: or tag: id (an http(s) uri is canonicalised like url). Required unless url is given",
                example = "urn:newsml:news.example.org:20240501:summit")
        @Size(max = 2048)
        String uri,

        @Schema(description = "Where the article was written (its dateline)", example = "Reykjavík") @Size(max = 300)
        String located,

        @Schema(description = "The newsroom's own classification, e.g. IPTC Media Topics; kept as given")
        @Size(max = 200)
        List<@Valid @NotNull SubjectSubmission> subjects,

        @Schema(hidden = true) @JsonAnySetter Map<String, Object> extra) {

    /** The longest text an article may have: 2 MB of characters. */
    public static final int MAX_TEXT = 2_000_000;

    /**
     * One subject the newsroom classified the article under.
     *
     * @param code a qualified code ({@code medtop:20000002}) or a URI
     *     ({@code http://cv.iptc.org/newscodes/mediatopic/20000002})
     */
    @Schema(description = "A subject: code (medtop:20000002, or the scheme's URI), name, rel")
    public record SubjectSubmission(
            @NotBlank @Size(max = 500) String code,
            @Size(max = 500) String name,
            @Size(max = 100) String rel) {}
}
