package io.newsflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas of the messages, and validation against them. */
public final class EventContract {

    /** The messages the contract defines, each with its schema on the classpath under {@code schemas/}. */
    public enum Kind {
        RAW_ARTICLE("raw article", "schemas/raw-article.v1.schema.json"),
        ENRICHED_ARTICLE("enriched article", "schemas/enriched-article.v1.schema.json");

        private final String description;
        private final String schemaResource;

        Kind(String description, String schemaResource) {
            this.description = description;
            this.schemaResource = schemaResource;
        }

        public String description() {
            return description;
        }

        public String schemaResource() {
            return schemaResource;
        }
    }

    private static final String SCHEMA_ID_PREFIX = "https://newsflow.io/schemas/";

    private static final Map<Kind, Schema> SCHEMAS = loadSchemas();

    private EventContract() {}

    /** Each way the message breaks its schema, as "location: message"; empty when it is valid. */
    public static List<String> violations(Kind kind, JsonNode message) {
        return SCHEMAS.get(kind).validate(message).stream()
                .map(error -> error.toString())
                .toList();
    }

    private static Map<Kind, Schema> loadSchemas() {
        // $refs between the schemas resolve to the copies on the classpath, never to the network
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaLoader(loader ->
                        loader.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_ID_PREFIX, "classpath:schemas/"))));
        Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(kind.schemaResource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing schema " + kind.schemaResource);
                }
                schemas.put(kind, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
