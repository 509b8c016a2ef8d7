package io.newsflow.ingest.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as a newsroom posts it. */
@Schema(description = "An article: its URL, title and text")
public record ArticleSubmission(
        @Schema(
                description = "The article's address; tracking parameters and fragments are ignored",
                example = "https://news.example.org/2024/05/01/summit")
        @NotBlank
        @Size(max = 2048)
        String url,

        @Schema(example = "Leaders meet in Reykjavík") @NotBlank @Size(max = 1000)
        String title,

        @Schema(description = "The article text") @NotBlank @Size(max = 1_000_000)
        String body,

        @Schema(description = "ISO-8601 date-time", example = "2024-05-01T10:00:00Z")
        OffsetDateTime publishedAt) {}
