package io.newsflow.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** YAML files as Jackson trees: a Kubernetes file may hold several documents separated by {@code ---}. */
public final class Yaml {

    static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {}

    /** Every non-empty document of the file; a file that does not parse throws, naming it. */
    public static List<JsonNode> documents(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        // one tree per document; readValues would unwrap a document that is a list (a JSON 6902 patch)
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                JsonNode document = MAPPER.readTree(parser);
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /** The single document of a file such as docker-compose.yml or a kustomization. */
    public static JsonNode document(Path file) {
        List<JsonNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }
}
