package io.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real articles to load: the Wikinews corpus in ../shared/data when it is there, the committed sample
 * otherwise, replicated with new URLs to any size and cut or extended to a fixed body size.
 */
final class Corpus {

    private static final Path SHARED = Path.of("..", "shared", "data", "corpus", "wikinews-2004-2018");
    private static final Path SAMPLE = Path.of("deploy", "local", "sample", "wikinews-2019-2020.jsonl");

    private final List<JsonNode> articles;
    private final String name;

    private Corpus(List<JsonNode> articles, String name) {
        this.articles = articles;
        this.name = name;
    }

    static Corpus load() throws IOException {
        List<JsonNode> articles = new ArrayList<>();
        String name;
        if (Files.isDirectory(SHARED)) {
            try (var files = Files.list(SHARED)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl"))
                        .sorted()
                        .toList()) {
                    read(file, articles);
                }
            }
            name = "Wikinews 2004-2018 (" + articles.size() + " articles, ../shared/data)";
        } else {
            read(SAMPLE, articles);
            name = "committed Wikinews sample (" + articles.size() + " articles; ../shared/data is absent)";
        }
        return new Corpus(articles, name);
    }

    private static void read(Path file, List<JsonNode> into) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode node = EventJson.mapper().readTree(line);
                String text = node.has("body")
                        ? node.get("body").asText()
                        : node.path("text").asText();
                if (node.hasNonNull("url") && node.hasNonNull("title") && !text.isBlank()) {
                    into.add(node);
                }
            }
        }
    }

    String name() {
        return name;
    }

    int size() {
        return articles.size();
    }

    /** The n-th article's own title and text, as the corpus has them. */
    String title(int n) {
        return articles.get(n % articles.size()).get("title").asText();
    }

    String text(int n) {
        JsonNode source = articles.get(n % articles.size());
        return source.has("body")
                ? source.get("body").asText()
                : source.get("text").asText();
    }

    /**
     * The n-th article of an end-to-end load, as ingest JSON: the corpus article as it is, under its own URL,
     * with the run's token in its body (what a search for the run finds) and published now.
     */
    String article(String run, int n) {
        JsonNode source = articles.get(n % articles.size());
        return EventJson.write(Map.of(
                "url",
                source.get("url").asText() + "/e2e-" + run + "-" + n,
                "title",
                title(n),
                "body",
                text(n) + "\n\nReference " + run + ".",
                "publishedAt",
                java.time.Instant.now().toString()));
    }

    /** The n-th article of the load, as ingest JSON: its own URL, a body of exactly {@code bodyChars}. */
    String article(String run, int n, int bodyChars) {
        JsonNode source = articles.get(n % articles.size());
        String text = source.has("body")
                ? source.get("body").asText()
                : source.get("text").asText();
        StringBuilder body = new StringBuilder(bodyChars);
        while (body.length() < bodyChars) {
            body.append(text).append("\n\n");
        }
        body.setLength(bodyChars);
        return EventJson.write(Map.of(
                "url",
                source.get("url").asText() + "/bench-" + run + "-" + n,
                "title",
                source.get("title").asText(),
                "body",
                body.toString(),
                "publishedAt",
                "2024-05-01T10:00:00Z"));
    }
}
