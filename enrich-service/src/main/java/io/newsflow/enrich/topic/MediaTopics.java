package io.newsflow.enrich.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPTC Media Topics vocabulary shipped in {@code iptc/mediatopics.json} (release in {@link #release()}, CC BY
 * 4.0, see {@code iptc/SOURCE.txt}): the concepts still in use, with their labels, parents and levels. Immutable, so
 * one instance can be shared by every thread.
 */
public final class MediaTopics {

    public static final String RESOURCE = "iptc/mediatopics.json";

    /** One concept: level 1 is a top-level topic such as politics; {@code broader} is null at the top. */
    public record MediaTopic(String code, String label, String definition, String broader, int level) {

        public boolean isTopLevel() {
            return broader == null;
        }
    }

    private final String release;
    private final Map<String, MediaTopic> byCode;

    private MediaTopics(String release, Map<String, MediaTopic> byCode) {
        this.release = release;
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** Loads the vocabulary shipped with this module. */
    public static MediaTopics load() {
        try (InputStream in = MediaTopics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static MediaTopics read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, MediaTopic> byCode = new LinkedHashMap<>();
        for (JsonNode concept : root.path("concepts")) {
            if (concept.path("retired").asBoolean(false)) {
                continue;
            }
            String broader = concept.path("broader").isTextual()
                    ? concept.path("broader").asText()
                    : null;
            MediaTopic topic = new MediaTopic(
                    concept.path("code").asText(),
                    concept.path("label").asText(),
                    concept.path("definition").asText(""),
                    broader,
                    concept.path("level").asInt());
            byCode.put(topic.code(), topic);
        }
        return new MediaTopics(root.path("release").asText(), byCode);
    }

    /** The IPTC release the vocabulary comes from, such as {@code 2025-10-09}. */
    public String release() {
        return release;
    }

    /** The concept with this code ({@code medtop:11000000}), if it exists and is not retired. */
    public Optional<MediaTopic> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The concept with this code; fails on an unknown or retired code. */
    public MediaTopic get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown or retired Media Topic " + code));
    }

    /** The broader concepts of this one, nearest first, ending with its top-level topic. */
    public List<MediaTopic> ancestors(String code) {
        List<MediaTopic> ancestors = new ArrayList<>();
        MediaTopic current = byCode.get(code);
        while (current != null && current.broader() != null) {
            current = byCode.get(current.broader());
            if (current != null) {
                ancestors.add(current);
            }
        }
        return ancestors;
    }

    /** The top-level topic this concept belongs to (itself when it is one). */
    public MediaTopic topLevel(String code) {
        List<MediaTopic> ancestors = ancestors(code);
        return ancestors.isEmpty() ? get(code) : ancestors.getLast();
    }

    /** Whether {@code code} is {@code ancestorCode} or one of its descendants. */
    public boolean isWithin(String code, String ancestorCode) {
        return code.equals(ancestorCode)
                || ancestors(code).stream().anyMatch(a -> a.code().equals(ancestorCode));
    }

    public Collection<MediaTopic> all() {
        return byCode.values();
    }

    public List<MediaTopic> topLevels() {
        return byCode.values().stream().filter(MediaTopic::isTopLevel).toList();
    }
}
