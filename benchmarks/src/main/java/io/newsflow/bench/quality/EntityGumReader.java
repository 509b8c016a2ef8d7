package io.newsflow.bench.quality;

import io.newsflow.enrich.entity.Mention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads GUM's news documents: the coreference mentions from {@code coref/gum/conll} (one token a line, the
 * document's mentions as bracketed, possibly nested, spans such as {@code (person-3-Wikipedia_Id} ...
 * {@code person-3-Wikipedia_Id)}), the sentences and part-of-speech tags from {@code xml} (the conll has no sentence
 * breaks).
 *
 * <p>Named mention (GUM has no head index, only each token's dependency relation): the head is the first token of
 * the mention that is not a modifier ({@link #MODIFIERS}), or, when all are, its last token that is not
 * punctuation or a possessive; the mention is named when its head is a proper noun ({@code NP}/{@code NPS}). This
 * gives 1,248 named mentions against the reference's 1,263.
 */
final class EntityGumReader {

    private static final Pattern MENTION = Pattern.compile("(\\()?([a-z]+)-(\\d+)[^()]*(\\))?");
    private static final Set<String> MODIFIERS = Set.of(
            "det",
            "det:predet",
            "det:poss",
            "amod",
            "compound",
            "nummod",
            "case",
            "punct",
            "nmod:poss",
            "advmod",
            "cc");

    private EntityGumReader() {}

    /** All mentions and the named ones: the same sentences, scored twice. */
    static List<EntityGoldSet> news(Path gum) {
        List<Path> documents;
        try (Stream<Path> files = Files.list(gum.resolve("coref/gum/conll"))) {
            documents = files.filter(p -> p.getFileName().toString().matches("GUM_news_.*\\.conll"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<EntitySentence> sentences = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            Path conll = documents.get(d);
            String name = conll.getFileName().toString().replace(".conll", "");
            sentences.addAll(document(d, conll, gum.resolve("xml").resolve(name + ".xml")));
        }
        return List.of(
                new EntityGoldSet("GUM news, all mentions", documents.size(), sentences, false),
                new EntityGoldSet("GUM news, named mentions", documents.size(), sentences, true));
    }

    private static List<EntitySentence> document(int number, Path conll, Path xml) {
        List<String> tokens = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Map<String, Deque<Integer>> open = new HashMap<>();
        for (String line : lines(conll)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            int token = tokens.size();
            tokens.add(columns[1]);
            Matcher mention = MENTION.matcher(columns.length > 2 ? columns[2] : "_");
            while (mention.find()) {
                String id = mention.group(3);
                boolean opens = mention.group(1) != null;
                boolean closes = mention.group(4) != null;
                if (opens && !closes) {
                    open.computeIfAbsent(id, k -> new ArrayDeque<>()).push(token);
                    continue;
                }
                int start = opens ? token : open.get(id).pop();
                spans.add(new int[] {start, token + 1});
                types.add(mention.group(2));
            }
        }

        List<String[]> xmlTokens = new ArrayList<>();
        List<Integer> sentenceOf = new ArrayList<>();
        int sentence = -1;
        for (String line : lines(xml)) {
            if (line.startsWith("<s ") || line.equals("<s>")) {
                sentence++;
            } else if (line.indexOf('\t') > 0) {
                xmlTokens.add(line.split("\t"));
                sentenceOf.add(sentence);
            }
        }
        if (xmlTokens.size() != tokens.size()) {
            throw new IllegalStateException(
                    conll + " has " + tokens.size() + " tokens, " + xml + " has " + xmlTokens.size());
        }

        List<EntitySentence> sentences = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            if (i < tokens.size() && sentenceOf.get(i).equals(sentenceOf.get(first))) {
                continue;
            }
            List<EntitySpan> gold = new ArrayList<>();
            for (int m = 0; m < spans.size(); m++) {
                int[] span = spans.get(m);
                String type = type(types.get(m));
                // no mention crosses a sentence break in the news documents: checked, so none is lost here
                if (type != null && span[0] >= first && span[1] <= i) {
                    boolean named = named(xmlTokens.subList(span[0], span[1]));
                    gold.add(new EntitySpan(span[0] - first, span[1] - first, type, named));
                }
            }
            sentences.add(new EntitySentence(number, List.copyOf(tokens.subList(first, i)), gold));
            first = i;
        }
        return sentences;
    }

    /** @param tokens the mention's xml lines: word, POS, lemma, CLAWS tag, UPOS, relation, morphology */
    private static boolean named(List<String[]> tokens) {
        int head = -1;
        for (int i = 0; i < tokens.size() && head < 0; i++) {
            if (!MODIFIERS.contains(tokens.get(i)[5])) {
                head = i;
            }
        }
        if (head < 0) {
            head = tokens.size() - 1;
            while (head > 0 && Set.of("case", "punct").contains(tokens.get(head)[5])) {
                head--;
            }
        }
        String pos = tokens.get(head)[1];
        return pos.equals("NP") || pos.equals("NPS");
    }

    private static String type(String gumType) {
        return switch (gumType) {
            case "person" -> Mention.PERSON;
            case "organization" -> Mention.ORGANIZATION;
            case "place" -> Mention.LOCATION;
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
