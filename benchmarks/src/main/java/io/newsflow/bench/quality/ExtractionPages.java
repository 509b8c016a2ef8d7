package io.newsflow.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Loads the public extraction benchmarks from the shared data folder, decoded as their own scorers decode them. */
final class ExtractionPages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECLARED_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.-]+)");

    private ExtractionPages() {}

    /** Zyte article-extraction-benchmark: every page decoded as UTF-8, expected text is {@code articleBody}. */
    static List<ExtractionPage> zyte(Path dir, int limit) throws IOException {
        JsonNode truth = JSON.readTree(dir.resolve("ground-truth.json").toFile());
        List<ExtractionPage> pages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : truth.properties()) {
            if (pages.size() >= limit) {
                break;
            }
            byte[] bytes = gunzip(dir.resolve("html").resolve(entry.getKey() + ".html.gz"));
            pages.add(new ExtractionPage(
                    entry.getKey(),
                    entry.getValue().path("url").asText(""),
                    new String(bytes, StandardCharsets.UTF_8),
                    entry.getValue().path("articleBody").asText(""),
                    List.of(),
                    List.of()));
        }
        return pages;
    }

    /** trafilatura evaluation: {@code evaldata.json} names a file in {@code eval/} or {@code cache/}. */
    static List<ExtractionPage> trafilatura(Path dir, int limit) throws IOException {
        JsonNode data = JSON.readTree(dir.resolve("evaldata.json").toFile());
        List<ExtractionPage> pages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            if (pages.size() >= limit) {
                break;
            }
            String file = entry.getValue().path("file").asText() + ".gz";
            Path path = dir.resolve("eval").resolve(file);
            if (!Files.exists(path)) {
                path = dir.resolve("cache").resolve(file);
            }
            pages.add(new ExtractionPage(
                    file,
                    entry.getKey(),
                    decode(gunzip(path)),
                    null,
                    strings(entry.getValue().path("with")),
                    strings(entry.getValue().path("without"))));
        }
        return pages;
    }

    /** Byte-order mark first, then the charset the page declares, else UTF-8. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_CHARSET.matcher(head);
        if (declared.find()) {
            try {
                return new String(bytes, Charset.forName(declared.group(1)));
            } catch (IllegalArgumentException unknown) {
                // an unknown or misspelt charset: fall through to UTF-8
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static byte[] gunzip(Path path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return in.readAllBytes();
        }
    }
}
