package io.newsflow.ingest.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What it takes to register a source: its name. */
public record NewSource(@NotBlank @Size(max = 200) String name) {}
