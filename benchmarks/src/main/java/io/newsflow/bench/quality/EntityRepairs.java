package io.newsflow.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.entity.EntityTagger;
import io.newsflow.enrich.entity.Gazetteer;
import io.newsflow.enrich.entity.Mention;
import io.newsflow.enrich.entity.SpanRepair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts what {@link SpanRepair} changes in the tagger's mentions of real articles (bare title words dropped,
 * slashed names made whole or dropped, merged places split), with examples, so each repair can be checked by hand:
 * by default on the sample corpus the project ships ({@code deploy/local/sample}, Wikinews 2019-2020).
 *
 * <p>Usage: {@code ./newsflow bench repairs [corpus.jsonl] [examples shown]}.
 */
public final class EntityRepairs {

    private EntityRepairs() {}

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "deploy/local/sample/wikinews-2019-2020.jsonl");
        int examples = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        ObjectMapper json = new ObjectMapper();
        EntityTagger tagger = new EntityTagger();
        Gazetteer gazetteer = Gazetteer.load();
        int articles = 0;
        int mentions = 0;
        List<String> dropped = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            JsonNode article = json.readTree(line);
            String text = article.path("title").asText() + "\n\n"
                    + article.path("body").asText(article.path("text").asText());
            List<Mention> tagged = tagger.tag(text);
            List<Mention> repaired = SpanRepair.repair(text, tagged, gazetteer);
            articles++;
            mentions += tagged.size();
            for (Mention mention : tagged) {
                boolean kept =
                        repaired.stream().anyMatch(r -> r.start() == mention.start() && r.end() == mention.end());
                if (kept) {
                    continue;
                }
                List<String> into = repaired.stream()
                        .filter(r -> r.start() < mention.end() && mention.start() < r.end())
                        .map(r -> r.type() + " " + r.text())
                        .toList();
                String context = text.substring(
                                Math.max(0, mention.start() - 30), Math.min(text.length(), mention.end() + 30))
                        .replaceAll("\\s+", " ");
                String entry = mention.type() + " \"" + mention.text() + "\" -> " + (into.isEmpty() ? "dropped" : into)
                        + "   (..." + context + "...)";
                (into.isEmpty() ? dropped : changed).add(entry);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d articles, %d mentions: %d dropped (bare titles), %d made whole or split%n",
                articles,
                mentions,
                dropped.size(),
                changed.size());
        System.out.println("dropped:");
        dropped.stream().limit(examples).forEach(e -> System.out.println("  " + e));
        System.out.println("made whole or split:");
        changed.stream().limit(examples).forEach(e -> System.out.println("  " + e));
    }
}
