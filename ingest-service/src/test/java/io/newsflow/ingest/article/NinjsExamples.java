package io.newsflow.ingest.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The official ninjs examples committed under {@code fixtures/ninjs/<version>/} (iptc/newsinjson, MIT). */
final class NinjsExamples {

    static final Path ROOT = Path.of("src/test/resources/fixtures/ninjs");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private NinjsExamples() {}

    /** One example file: its path under the version folder, e.g. {@code 2.0/dpa_text.json}. */
    record Example(String path, String text) {

        String version() {
            return path.substring(0, path.indexOf('/'));
        }

        /** The parsed document, or null when the file is not valid JSON as published. */
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

    static List<Example> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .sorted()
                    .map(p -> new Example(ROOT.relativize(p).toString().replace('\\', '/'), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Example one(String path) {
        return new Example(path, read(ROOT.resolve(path)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
