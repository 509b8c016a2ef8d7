package io.newsflow.bench.quality;

import io.newsflow.enrich.entity.Mention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads CoNLL-2003 style gold files: one token a line, the tag in the last column, a blank line between sentences.
 * Both tag schemes are read: IOB1 (wikigold: {@code I-} only, {@code B-} only between two adjacent spans of one
 * type) and IOB2 (re3d: every span starts with {@code B-}).
 */
final class EntityConllReader {

    private static final String DOCUMENT_START = "-DOCSTART-";

    private EntityConllReader() {}

    /** wikigold: one file, {@code -DOCSTART-} ends each document. */
    static EntityGoldSet wikigold(Path file) {
        List<String> lines = lines(file);
        int documents =
                (int) lines.stream().filter(l -> l.startsWith(DOCUMENT_START)).count();
        return new EntityGoldSet("wikigold", documents, sentences(lines, 0), false);
    }

    /** re3d: one file a document, in folders by source. */
    static EntityGoldSet re3d(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".conll")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<EntitySentence> sentences = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            sentences.addAll(sentences(lines(files.get(f)), f));
        }
        return new EntityGoldSet("re3d", files.size(), sentences, false);
    }

    /** The sentences of the lines, numbered from {@code document} on, one more after each {@code -DOCSTART-}. */
    private static List<EntitySentence> sentences(List<String> lines, int document) {
        List<EntitySentence> sentences = new ArrayList<>();
        int seen = 0;
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String line : lines) {
            String[] columns = line.strip().split("\\s+");
            if (line.isBlank() || columns[0].equals(DOCUMENT_START)) {
                addSentence(document + seen, tokens, tags, sentences);
                if (columns[0].equals(DOCUMENT_START)) {
                    seen++;
                }
                tokens = new ArrayList<>();
                tags = new ArrayList<>();
                continue;
            }
            tokens.add(columns[0]);
            tags.add(columns[columns.length - 1]);
        }
        addSentence(document + seen, tokens, tags, sentences);
        return sentences;
    }

    private static void addSentence(int document, List<String> tokens, List<String> tags, List<EntitySentence> into) {
        if (tokens.isEmpty()) {
            return;
        }
        List<EntitySpan> gold = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String tagType = type(tag);
            boolean continues = tagType != null && tagType.equals(type) && !tag.startsWith("B-");
            if (continues) {
                continue;
            }
            if (type != null) {
                gold.add(new EntitySpan(start, i, type, true));
            }
            type = tagType;
            start = i;
        }
        into.add(new EntitySentence(document, List.copyOf(tokens), gold));
    }

    /** The tagger's type for a gold tag; {@code null} for the types the tagger does not have (MISC, Weapon...). */
    private static String type(String tag) {
        return switch (tag.substring(tag.indexOf('-') + 1)) {
            case "PER", "Person" -> Mention.PERSON;
            case "ORG", "Organisation" -> Mention.ORGANIZATION;
            case "LOC", "Location" -> Mention.LOCATION;
            default -> null;
        };
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
