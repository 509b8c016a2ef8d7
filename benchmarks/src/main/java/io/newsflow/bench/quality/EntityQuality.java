package io.newsflow.bench.quality;

import io.newsflow.enrich.entity.DocumentConsistency;
import io.newsflow.enrich.entity.EntityResolver;
import io.newsflow.enrich.entity.EntityTagger;
import io.newsflow.enrich.entity.Gazetteer;
import io.newsflow.enrich.entity.Mention;
import io.newsflow.enrich.entity.SpanRepair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures named-entity recognition on public gold sets, on their gold tokens, with the scoring rules of
 * {@code shared/docs/EVALUATION.md}: raw Stanford CoreNLP (the 3-class CRF of {@link EntityTagger}) beside the
 * newsflow pipeline (the same labels, each span retyped by the resolver's knowledge base and gazetteer, plus the
 * names the tagger missed that the resolver knows as a person or organisation, on tokens the tagger left {@code O}).
 */
public final class EntityQuality {

    private static final String USAGE = """
            Usage: java -cp benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath) \\
                     io.newsflow.bench.quality.EntityQuality [shared data folder] [--changes]

            Scores named entities (person, organisation, place) on the gold sets under <folder>/ner:
            wikigold, GUM news (all mentions and named mentions) and re3d; raw CoreNLP beside the newsflow
            pipeline, exact and lenient, micro over the three types. The folder defaults to ../shared/data.
              --changes  also list every span the pipeline retypes or adds, with the gold type at that span
              --errors   also list the pipeline's most frequent wrong spans and missed gold spans
            """;
    private static final String NOTES = """

            Gold tokens and sentences; system spans are runs of one label. Exact: start, end and type match.
            Lenient: shares a token with a span of the same type (precision over system spans, recall over gold).
            Micro over person, organisation, place; other gold types count as no entity. GUM named mentions: the
            head is the first token that is not a modifier by its dependency relation (det, amod, compound,
            nummod, case, punct, nmod:poss, advmod, cc), named when tagged NP/NPS (1,248; the reference has 1,263).
            """;
    private static final int WARM_UP_SENTENCES = 2_000;
    private static final int TOP_ERRORS = 40;

    private EntityQuality() {}

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Path data = Path.of(
                arguments.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("../shared/data"));
        Path wikigold = data.resolve("ner/wikigold/CONLL-format/data/wikigold.conll.txt");
        Path gum = data.resolve("ner/gum-wikinews");
        Path re3d = data.resolve("ner/re3d/conll");
        if (!Files.isRegularFile(wikigold) || !Files.isDirectory(gum) || !Files.isDirectory(re3d)) {
            System.out.println(
                    "No named-entity gold sets under " + data.toAbsolutePath().normalize()
                            + " (expected ner/wikigold, ner/gum-wikinews and ner/re3d): nothing to measure.");
            return;
        }
        List<EntityGoldSet> sets = new ArrayList<>();
        sets.add(EntityConllReader.wikigold(wikigold));
        sets.addAll(EntityGumReader.news(gum));
        sets.add(EntityConllReader.re3d(re3d));

        long start = System.nanoTime();
        EntityTagger tagger = new EntityTagger();
        System.out.printf(Locale.ROOT, "CoreNLP %s loaded in %.1f s%n", EntityTagger.MODEL, seconds(start));
        start = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.load();
        EntityResolver resolver = new EntityResolver(gazetteer, name -> Optional.empty());
        System.out.printf(Locale.ROOT, "Gazetteer loaded in %.1f s%n", seconds(start));
        warmUp(tagger, sets.getFirst());

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-38s %-16s %-23s %-23s %-23s %8s%n",
                "set (documents, gold spans)",
                "system",
                "exact P / R / F1",
                "lenient P / R / F1",
                "exact F1 per/org/loc",
                "tokens/s");
        for (EntityGoldSet set : sets) {
            measure(set, tagger, resolver, gazetteer, arguments.contains("--changes"), arguments.contains("--errors"));
        }
        System.out.print(NOTES);
    }

    private static void measure(
            EntityGoldSet set,
            EntityTagger tagger,
            EntityResolver resolver,
            Gazetteer gazetteer,
            boolean listRetypings,
            boolean listErrors) {
        List<EntitySentence> sentences = set.sentences();
        List<List<String>> tagged = new ArrayList<>(sentences.size());
        long start = System.nanoTime();
        for (EntitySentence sentence : sentences) {
            tagged.add(tagger.labels(sentence.tokens()));
        }
        long tagging = System.nanoTime() - start;

        EntityScore raw = new EntityScore();
        for (int s = 0; s < sentences.size(); s++) {
            raw.add(set.gold(sentences.get(s)), EntitySpan.runs(tagged.get(s)));
        }
        String name = String.format(Locale.ROOT, "%s (%d, %,d)", set.name(), set.documents(), set.goldSpans());
        row(name, "CoreNLP", raw, set.tokens() / (tagging / 1e9));

        // each document-consistency rule on its own and all together, on the tagger's labels (no resolver)
        Set<DocumentConsistency.Rule> cumulative = EnumSet.noneOf(DocumentConsistency.Rule.class);
        for (DocumentConsistency.Rule rule : DocumentConsistency.Rule.values()) {
            cumulative.add(rule);
            row("", "+" + rule.name().toLowerCase(Locale.ROOT), score(set, consistent(set, tagged, cumulative)), 0);
        }

        EntityRetypings retypings = new EntityRetypings();
        EntityAdditions additions = new EntityAdditions();
        List<List<String>> labels = consistent(set, tagged, DocumentConsistency.SHIPPED);
        EntityScore pipeline = new EntityScore();
        Map<String, Integer> wrong = new HashMap<>();
        Map<String, Integer> missed = new HashMap<>();
        EntityScore withoutConsistency = new EntityScore();
        long resolving = 0;
        for (int s = 0; s < sentences.size(); s++) {
            EntitySentence sentence = sentences.get(s);
            List<EntitySpan> gold = set.gold(sentence);
            withoutConsistency.add(gold, resolved(resolver, sentence, tagged.get(s), null));
            long from = System.nanoTime();
            List<EntitySpan> spans = repaired(gazetteer, sentence.tokens(), EntitySpan.runs(labels.get(s)));
            List<EntitySpan> retyped = retype(resolver, sentence.tokens(), spans);
            List<EntitySpan> added = additions.find(resolver, sentence.tokens(), labels.get(s), spans);
            resolving += System.nanoTime() - from;
            List<EntitySpan> resolved = new ArrayList<>(retyped);
            resolved.addAll(added);
            pipeline.add(gold, resolved);
            if (listErrors) {
                errors(sentence.tokens(), gold, resolved, wrong, missed);
            }
            retypings.add(sentence.tokens(), gold, spans, retyped);
            additions.judge(sentence.tokens(), gold, added);
        }
        if (listErrors) {
            System.out.println("  most frequent wrong spans (type: text, times):");
            top(wrong).forEach(line -> System.out.println("    " + line));
            System.out.println("  most frequent missed gold spans (gold type: text [what was tagged there], times):");
            top(missed).forEach(line -> System.out.println("    " + line));
        }
        row("", "resolver", withoutConsistency, 0);
        row("", "newsflow", pipeline, set.tokens() / ((tagging + resolving) / 1e9));
        System.out.println(retypings.summary());
        System.out.println(additions.summary());
        if (listRetypings) {
            retypings.lines().forEach(System.out::println);
            additions.lines().forEach(System.out::println);
        }
    }

    /**
     * The spans after {@link SpanRepair}, which works on text: the tokens joined by spaces, each span a mention of it;
     * a repaired mention that does not fall on token bounds keeps the span it came from.
     */
    private static List<EntitySpan> repaired(Gazetteer gazetteer, List<String> tokens, List<EntitySpan> spans) {
        StringBuilder text = new StringBuilder();
        Map<Integer, Integer> tokenStarting = new HashMap<>();
        Map<Integer, Integer> tokenEnding = new HashMap<>();
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            tokenStarting.put(starts[i], i);
            text.append(tokens.get(i));
            ends[i] = text.length();
            tokenEnding.put(ends[i], i);
        }
        List<Mention> mentions = new ArrayList<>();
        for (EntitySpan span : spans) {
            int start = starts[span.start()];
            int end = ends[span.end() - 1];
            mentions.add(new Mention(span.type(), text.substring(start, end), start, end, 0));
        }
        List<EntitySpan> repaired = new ArrayList<>();
        for (Mention mention : SpanRepair.repair(text.toString(), mentions, gazetteer)) {
            Integer first = tokenStarting.get(mention.start());
            Integer last = tokenEnding.get(mention.end());
            if (first != null && last != null) {
                repaired.add(new EntitySpan(first, last + 1, mention.type(), true));
            } else {
                spans.stream()
                        .filter(span ->
                                starts[span.start()] <= mention.start() && mention.end() <= ends[span.end() - 1])
                        .findFirst()
                        .ifPresent(repaired::add);
            }
        }
        return repaired;
    }

    /** Counts the system spans no gold span equals, and the gold spans no system span equals. */
    private static void errors(
            List<String> tokens,
            List<EntitySpan> gold,
            List<EntitySpan> system,
            Map<String, Integer> wrong,
            Map<String, Integer> missed) {
        for (EntitySpan span : system) {
            if (gold.stream().noneMatch(span::sameAs)) {
                wrong.merge(span.type() + ": " + text(tokens, span), 1, Integer::sum);
            }
        }
        for (EntitySpan span : gold) {
            if (system.stream().noneMatch(span::sameAs)) {
                String there = system.stream()
                        .filter(s -> s.start() < span.end() && span.start() < s.end())
                        .map(s -> s.type() + " " + text(tokens, s))
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("nothing");
                missed.merge(span.type() + ": " + text(tokens, span) + " [" + there + "]", 1, Integer::sum);
            }
        }
    }

    private static String text(List<String> tokens, EntitySpan span) {
        return String.join(" ", tokens.subList(span.start(), span.end()));
    }

    private static List<String> top(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP_ERRORS)
                .map(e -> e.getKey() + ", " + e.getValue())
                .toList();
    }

    /** The resolver's spans for one sentence's labels: the tagger's spans retyped, and the names it adds. */
    private static List<EntitySpan> resolved(
            EntityResolver resolver, EntitySentence sentence, List<String> labels, EntityAdditions additions) {
        List<EntitySpan> spans = EntitySpan.runs(labels);
        List<EntitySpan> resolved = new ArrayList<>(retype(resolver, sentence.tokens(), spans));
        resolved.addAll((additions == null ? new EntityAdditions() : additions)
                .find(resolver, sentence.tokens(), labels, spans));
        return resolved;
    }

    /** The labels after the rules, applied document by document (each sentence's labels copied first). */
    private static List<List<String>> consistent(
            EntityGoldSet set, List<List<String>> tagged, Set<DocumentConsistency.Rule> rules) {
        List<List<String>> labels = new ArrayList<>(tagged.size());
        tagged.forEach(sentence -> labels.add(new ArrayList<>(sentence)));
        List<EntitySentence> sentences = set.sentences();
        int first = 0;
        for (int s = 1; s <= sentences.size(); s++) {
            if (s == sentences.size()
                    || sentences.get(s).document() != sentences.get(first).document()) {
                List<List<String>> tokens = new ArrayList<>();
                sentences.subList(first, s).forEach(sentence -> tokens.add(sentence.tokens()));
                DocumentConsistency.apply(tokens, labels.subList(first, s), rules);
                first = s;
            }
        }
        return labels;
    }

    private static EntityScore score(EntityGoldSet set, List<List<String>> labels) {
        EntityScore score = new EntityScore();
        for (int s = 0; s < labels.size(); s++) {
            score.add(set.gold(set.sentences().get(s)), EntitySpan.runs(labels.get(s)));
        }
        return score;
    }

    /** The pipeline's types: each span the tagger found, as {@link EntityResolver#type} types it. */
    private static List<EntitySpan> retype(EntityResolver resolver, List<String> tokens, List<EntitySpan> spans) {
        List<EntitySpan> retyped = new ArrayList<>(spans.size());
        for (EntitySpan span : spans) {
            String text = String.join(" ", tokens.subList(span.start(), span.end()));
            retyped.add(new EntitySpan(span.start(), span.end(), resolver.type(text, span.type()), true));
        }
        return retyped;
    }

    private static void row(String set, String system, EntityScore score, double tokensPerSecond) {
        EntityScore.Figures exact = score.exact();
        EntityScore.Figures lenient = score.lenient();
        System.out.printf(
                Locale.ROOT,
                "%-38s %-16s %-23s %-23s %-23s %8s%n",
                set,
                system,
                figures(exact.precision(), exact.recall(), exact.f1()),
                figures(lenient.precision(), lenient.recall(), lenient.f1()),
                figures(EntityScore.TYPES.stream()
                        .mapToDouble(type -> score.exact(type).f1())
                        .toArray()),
                tokensPerSecond > 0 ? String.format(Locale.ROOT, "%,.0f", tokensPerSecond) : "-");
    }

    private static String figures(double... values) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", values[0], values[1], values[2]);
    }

    /** The CRF runs about twice as fast once the JIT has compiled it: time only warm runs. */
    private static void warmUp(EntityTagger tagger, EntityGoldSet set) {
        set.sentences().stream().limit(WARM_UP_SENTENCES).forEach(s -> tagger.labels(s.tokens()));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
