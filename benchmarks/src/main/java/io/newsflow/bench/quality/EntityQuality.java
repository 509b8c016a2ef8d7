package io.newsflow.bench.quality;

import io.newsflow.enrich.entity.EntityResolver;
import io.newsflow.enrich.entity.EntityTagger;
import io.newsflow.enrich.entity.Gazetteer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
            """;
    private static final String NOTES = """

            Gold tokens and sentences; system spans are runs of one label. Exact: start, end and type match.
            Lenient: shares a token with a span of the same type (precision over system spans, recall over gold).
            Micro over person, organisation, place; other gold types count as no entity. GUM named mentions: the
            head is the first token that is not a modifier by its dependency relation (det, amod, compound,
            nummod, case, punct, nmod:poss, advmod, cc), named when tagged NP/NPS (1,248; the reference has 1,263).
            """;
    private static final int WARM_UP_SENTENCES = 2_000;

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
        EntityResolver resolver = new EntityResolver(Gazetteer.load(), name -> Optional.empty());
        System.out.printf(Locale.ROOT, "Gazetteer loaded in %.1f s%n", seconds(start));
        warmUp(tagger, sets.getFirst());

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-38s %-9s %-20s %-20s %-20s %8s%n",
                "set (documents, gold spans)",
                "system",
                "exact P / R / F1",
                "lenient P / R / F1",
                "exact F1 per/org/loc",
                "tokens/s");
        for (EntityGoldSet set : sets) {
            measure(set, tagger, resolver, arguments.contains("--changes"));
        }
        System.out.print(NOTES);
    }

    private static void measure(
            EntityGoldSet set, EntityTagger tagger, EntityResolver resolver, boolean listRetypings) {
        EntityScore raw = new EntityScore();
        EntityScore pipeline = new EntityScore();
        EntityRetypings retypings = new EntityRetypings();
        EntityAdditions additions = new EntityAdditions();
        long tagging = 0;
        long resolving = 0;
        for (EntitySentence sentence : set.sentences()) {
            long start = System.nanoTime();
            List<String> labels = tagger.labels(sentence.tokens());
            List<EntitySpan> tagged = EntitySpan.runs(labels);
            long labelled = System.nanoTime();
            List<EntitySpan> retyped = retype(resolver, sentence.tokens(), tagged);
            List<EntitySpan> added = additions.find(resolver, sentence.tokens(), labels, tagged);
            tagging += labelled - start;
            resolving += System.nanoTime() - labelled;
            List<EntitySpan> gold = set.gold(sentence);
            List<EntitySpan> resolved = new ArrayList<>(retyped);
            resolved.addAll(added);
            raw.add(gold, tagged);
            pipeline.add(gold, resolved);
            retypings.add(sentence.tokens(), gold, tagged, retyped);
            additions.judge(sentence.tokens(), gold, added);
        }
        String name = String.format(Locale.ROOT, "%s (%d, %,d)", set.name(), set.documents(), set.goldSpans());
        row(name, "CoreNLP", raw, set.tokens() / (tagging / 1e9));
        row("", "newsflow", pipeline, set.tokens() / ((tagging + resolving) / 1e9));
        System.out.println(retypings.summary());
        System.out.println(additions.summary());
        if (listRetypings) {
            retypings.lines().forEach(System.out::println);
            additions.lines().forEach(System.out::println);
        }
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
                "%-38s %-9s %-20s %-20s %-20s %,8.0f%n",
                set,
                system,
                figures(exact.precision(), exact.recall(), exact.f1()),
                figures(lenient.precision(), lenient.recall(), lenient.f1()),
                figures(EntityScore.TYPES.stream()
                        .mapToDouble(type -> score.exact(type).f1())
                        .toArray()),
                tokensPerSecond);
    }

    private static String figures(double... values) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", values[0], values[1], values[2]);
    }

    /** The CRF runs about twice as fast once the JIT has compiled it: time only warm runs. */
    private static void warmUp(EntityTagger tagger, EntityGoldSet set) {
        set.sentences().stream().limit(WARM_UP_SENTENCES).forEach(s -> tagger.labels(s.tokens()));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
