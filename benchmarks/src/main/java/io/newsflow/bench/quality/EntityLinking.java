package io.newsflow.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.entity.EntityResolver;
import io.newsflow.enrich.entity.EntityTagger;
import io.newsflow.enrich.entity.Gazetteer;
import io.newsflow.enrich.entity.Mention;
import io.newsflow.events.EnrichedArticle.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Measures entity linking on Wikinews politics articles held out of every tuning (odd ids of the 2004-2018
 * politics set; the topic lexicon was tuned on even ids, nothing in the entities on any): the share of person
 * mentions the pipeline (tagger, document consistency, resolver with the shipped gazetteer) gives an id, with the
 * part of it that comes from the EveryPolitician list, and a random sample of linked people, with the sentence that
 * names them, to check by hand. It also prints the heap the gazetteer takes.
 *
 * <p>Usage: {@code ./newsflow bench linking [data folder] [articles] [sample]}.
 */
public final class EntityLinking {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTEXT = 110;

    private record Article(int id, String title, String text) {}

    private EntityLinking() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int sampleSize = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path politics = data.resolve("corpus/wikinews-2004-2018/wikinews_politics.jsonl");
        if (!Files.isRegularFile(politics)) {
            System.out.println(
                    "No Wikinews politics set at " + politics.toAbsolutePath().normalize() + ": nothing to measure.");
            return;
        }
        long before = usedHeap();
        Gazetteer gazetteer = Gazetteer.load();
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "gazetteer heap: %.1f MB%n", (after - before) / 1e6);

        Set<String> politicianIds = politicianIds();
        EntityTagger tagger = new EntityTagger();
        EntityResolver resolver = new EntityResolver(gazetteer, name -> Optional.empty());
        List<Article> articles = heldOut(politics, count);

        int mentions = 0;
        int linked = 0;
        int byPolitician = 0;
        int people = 0;
        int linkedPeople = 0;
        List<String> sample = new ArrayList<>();
        for (Article article : articles) {
            String document = article.title() + "\n\n" + article.text();
            List<Mention> tagged = tagger.tag(document);
            for (Entity entity : resolver.resolve(document, article.title().length(), tagged)) {
                if (!Mention.PERSON.equals(entity.type())) {
                    continue;
                }
                people++;
                mentions += entity.mentions();
                if (entity.id() != null) {
                    linkedPeople++;
                    linked += entity.mentions();
                    if (politicianIds.contains(entity.id())) {
                        byPolitician += entity.mentions();
                    }
                    sample.add(String.format(
                            Locale.ROOT,
                            "ID%d | %s | %s (%s) | %s",
                            article.id(),
                            entity.name(),
                            entity.id(),
                            entity.country(),
                            context(document, entity.name())));
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d held-out politics articles: %d people, %d with an id; %d person mentions, %d with an id (%.3f),"
                        + " of which %d from EveryPolitician (%.3f without it)%n",
                articles.size(),
                people,
                linkedPeople,
                mentions,
                linked,
                linked / (double) Math.max(1, mentions),
                byPolitician,
                (linked - byPolitician) / (double) Math.max(1, mentions));
        Collections.shuffle(sample, new Random(1));
        System.out.println("sample of linked people to check by hand (article | name | id (country) | context):");
        sample.stream().limit(sampleSize).forEach(line -> System.out.println("  " + line));
    }

    /** Every {@code count}-th odd id of the politics set, spread over its years, in id order. */
    private static List<Article> heldOut(Path politics, int count) throws IOException {
        List<Article> odd = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String line : Files.readAllLines(politics, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            int id = Integer.parseInt(node.path("id").asText().replace("ID", ""));
            if (id % 2 != 0 && seen.add(id)) {
                odd.add(new Article(
                        id, node.path("title").asText(), node.path("text").asText()));
            }
        }
        odd.sort((a, b) -> Integer.compare(a.id(), b.id()));
        List<Article> chosen = new ArrayList<>();
        double step = odd.size() / (double) count;
        for (int i = 0; i < count && i < odd.size(); i++) {
            chosen.add(odd.get((int) (i * step)));
        }
        return chosen;
    }

    private static Set<String> politicianIds() throws IOException {
        Set<String> ids = new HashSet<>();
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream("gazetteer/politicians.tsv")) {
            if (in == null) {
                return ids;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.startsWith("id\t")) {
                    ids.add(line.split("\t", 2)[0]);
                }
            }
        }
        return ids;
    }

    /** The text around the first place the name's last word stands. */
    private static String context(String document, String name) {
        String[] words = name.split("\\s+");
        int at = document.indexOf(name);
        if (at < 0) {
            at = document.indexOf(words[words.length - 1]);
        }
        if (at < 0) {
            return "";
        }
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(document.length(), at + name.length() + CONTEXT);
        return document.substring(from, to).replaceAll("\\s+", " ");
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
