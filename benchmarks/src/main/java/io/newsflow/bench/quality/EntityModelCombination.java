package io.newsflow.bench.quality;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.enrich.entity.Mention;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Measures one lever of issue 14: combining Stanford CoreNLP's three English NER models (the 3-class model the
 * service ships, the 4-class CoNLL and the 7-class MUC models), on the gold sets and with the scoring of {@code
 * shared/docs/EVALUATION.md}, gold tokens, raw taggers (no resolver).
 *
 * <p>Combinations: each model alone; {@code A+B}: A's spans, plus each span of B over tokens A left unlabelled (the
 * high-recall combination of CoreNLP's {@code ClassifierCombiner}; its default combination takes from a later
 * model only labels the earlier ones do not produce, so for person, organisation and place it is the first model
 * alone); {@code vote}: a token takes the label the 4- and 7-class models agree on, else the 3-class model's.
 *
 * <p>Usage: {@code ./newsflow bench ner-models [data folder]}.
 */
public final class EntityModelCombination {

    private static final String MODELS = "edu/stanford/nlp/models/ner/";

    private EntityModelCombination() {}

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path wikigold = data.resolve("ner/wikigold/CONLL-format/data/wikigold.conll.txt");
        if (!Files.isRegularFile(wikigold)) {
            System.out.println(
                    "No named-entity gold sets under " + data.toAbsolutePath().normalize() + ": nothing to measure.");
            return;
        }
        List<EntityGoldSet> sets = new ArrayList<>();
        sets.add(EntityConllReader.wikigold(wikigold));
        sets.addAll(EntityGumReader.news(data.resolve("ner/gum-wikinews")));
        sets.add(EntityConllReader.re3d(data.resolve("ner/re3d/conll")));
        CRFClassifier<CoreLabel> three = load("english.all.3class.distsim.crf.ser.gz");
        CRFClassifier<CoreLabel> four = load("english.conll.4class.distsim.crf.ser.gz");
        CRFClassifier<CoreLabel> seven = load("english.muc.7class.distsim.crf.ser.gz");
        System.out.printf(
                "%-30s %-7s %-20s %-11s %-20s%n",
                "set", "models", "exact P / R / F1", "lenient F1", "exact per/org/loc");
        for (EntityGoldSet set : sets) {
            Map<String, EntityScore> scores = new LinkedHashMap<>();
            long[] nanos = new long[3];
            for (EntitySentence sentence : set.sentences()) {
                long start = System.nanoTime();
                List<String> l3 = labels(three, sentence.tokens());
                long after3 = System.nanoTime();
                List<String> l4 = labels(four, sentence.tokens());
                long after4 = System.nanoTime();
                List<String> l7 = labels(seven, sentence.tokens());
                nanos[0] += after3 - start;
                nanos[1] += after4 - after3;
                nanos[2] += System.nanoTime() - after4;
                Map<String, List<String>> systems = new LinkedHashMap<>();
                systems.put("3", l3);
                systems.put("4", l4);
                systems.put("7", l7);
                systems.put("3+4", union(l3, l4));
                systems.put("3+7", union(l3, l7));
                systems.put("3+4+7", union(union(l3, l4), l7));
                systems.put("vote", vote(l3, l4, l7));
                List<EntitySpan> gold = set.gold(sentence);
                systems.forEach((name, labels) ->
                        scores.computeIfAbsent(name, n -> new EntityScore()).add(gold, EntitySpan.runs(labels)));
            }
            scores.forEach((name, score) -> System.out.printf(
                    Locale.ROOT,
                    "%-30s %-7s %.2f / %.2f / %.3f   %.3f       %.2f / %.2f / %.2f%n",
                    set.name(),
                    name,
                    score.exact().precision(),
                    score.exact().recall(),
                    score.exact().f1(),
                    score.lenient().f1(),
                    score.exact(Mention.PERSON).f1(),
                    score.exact(Mention.ORGANIZATION).f1(),
                    score.exact(Mention.LOCATION).f1()));
            System.out.printf(
                    Locale.ROOT,
                    "%-30s tokens/s: 3-class %,.0f, 4-class %,.0f, 7-class %,.0f%n",
                    "",
                    set.tokens() / (nanos[0] / 1e9),
                    set.tokens() / (nanos[1] / 1e9),
                    set.tokens() / (nanos[2] / 1e9));
        }
    }

    /** {@code base}'s labels, plus each span of {@code other} over tokens {@code base} left unlabelled. */
    static List<String> union(List<String> base, List<String> other) {
        List<String> combined = new ArrayList<>(base);
        for (EntitySpan span : EntitySpan.runs(other)) {
            boolean free = true;
            for (int i = span.start(); i < span.end(); i++) {
                free &= EntitySpan.NONE.equals(base.get(i));
            }
            if (free) {
                for (int i = span.start(); i < span.end(); i++) {
                    combined.set(i, span.type());
                }
            }
        }
        return combined;
    }

    static List<String> vote(List<String> three, List<String> four, List<String> seven) {
        List<String> voted = new ArrayList<>(three.size());
        for (int i = 0; i < three.size(); i++) {
            voted.add(four.get(i).equals(seven.get(i)) ? four.get(i) : three.get(i));
        }
        return voted;
    }

    private static List<String> labels(CRFClassifier<CoreLabel> classifier, List<String> tokens) {
        List<CoreLabel> sentence = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            CoreLabel label = new CoreLabel();
            label.setWord(token);
            label.setValue(token);
            label.setOriginalText(token);
            sentence.add(label);
        }
        List<String> labels = new ArrayList<>(tokens.size());
        for (CoreLabel token : classifier.classifySentence(sentence)) {
            String answer = token.get(CoreAnnotations.AnswerAnnotation.class);
            labels.add(
                    switch (answer == null ? "O" : answer) {
                        case "PERSON" -> Mention.PERSON;
                        case "ORGANIZATION" -> Mention.ORGANIZATION;
                        case "LOCATION" -> Mention.LOCATION;
                        default -> EntitySpan.NONE;
                    });
        }
        return labels;
    }

    private static CRFClassifier<CoreLabel> load(String model) throws IOException, ClassNotFoundException {
        try (InputStream in = EntityModelCombination.class.getClassLoader().getResourceAsStream(MODELS + model)) {
            if (in == null) {
                throw new IllegalStateException(model + " is not on the class path (CoreNLP's models jar)");
            }
            return CRFClassifier.getClassifier(new GZIPInputStream(in, 1 << 16));
        }
    }
}
