package io.newsflow.enrich.topic;

import io.newsflow.enrich.topic.MediaTopics.MediaTopic;
import io.newsflow.enrich.topic.TopicTokenizer.Token;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EnrichedArticle.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Tags an English article with IPTC Media Topics: the top-level topics it is about and the most telling second-level
 * ones below them, each with a score in [0, 1] and the words that triggered it.
 *
 * <p>How: the words of the weighted lexicon ({@link TopicLexicon}) are looked up in the title, the body and the entity
 * names. A term counts for its own topic and every broader one. Per topic, each matched term adds its weight times a
 * field score: a title hit adds {@link #TITLE_WEIGHT}, body hits add a saturating share of 1 (more mentions add less,
 * and a long article needs more mentions for the same share, as in BM25), an entity-name hit adds
 * {@link #ENTITY_WEIGHT}. The sum becomes a score {@code 1 - exp(-sum / SCALE)}. A topic is kept when its score reaches
 * {@link #MIN_SCORE}, its sum is not far below the best topic's ({@link #RELATIVE_TO_BEST}) and the evidence is
 * convincing: two different terms, or one strong term ({@link #STRONG_WEIGHT}), or a good one in the title.
 * Thread-safe: no state changes after construction.
 */
public final class TopicTagger {

    /** Identifies lexicon and scoring; change it whenever either changes, so stored tags can be traced. */
    public static final String VERSION = "newsflow-topic-rules-1";

    static final double TITLE_WEIGHT = 1.5;
    static final double ENTITY_WEIGHT = 0.5;
    /** Body term-frequency saturation: one mention in an average-length body gives 1 / (1 + K1) of the term. */
    static final double K1 = 1.0;
    /** How much body length dampens term frequency (0 = not at all, 1 = proportionally). */
    static final double LENGTH_DAMPING = 0.5;

    static final double AVERAGE_BODY_TOKENS = 400;
    static final double SCALE = 3.0;
    static final double MIN_SCORE = 0.5;
    /** A second topic must have at least this share of the best topic's evidence. */
    static final double RELATIVE_TO_BEST = 0.35;
    /** A second-level topic must carry at least this share of its top-level topic's evidence. */
    static final double RELATIVE_TO_PARENT = 0.3;

    /** A term of this weight is enough on its own; weaker ones need company. */
    static final double STRONG_WEIGHT = 3;

    static final int MAX_TOP_LEVEL = 3;
    static final int MAX_SECOND_LEVEL = 4;
    private static final int TRIGGER_TERMS = 5;

    /** Marks a lexicon word written in capitals ("UN"): it only matches a word written in capitals. */
    private static final String CAPITALS = "^";

    /** A lexicon term after tokenizing: matched as a phrase of {@code tokens}; {@code shown} in triggers. */
    private record Term(int id, String shown, String[] tokens) {}

    /** A topic the tagger can emit (level 1 or 2), with the terms that count for it and their weights. */
    private static final class Target {
        final MediaTopic topic;
        final Target parent;
        final Map<Integer, Double> weights = new HashMap<>();

        Target(MediaTopic topic, Target parent) {
            this.topic = topic;
            this.parent = parent;
        }
    }

    /** Where a term was found in one article. */
    private static final class Hits {
        int title;
        int body;
        int entity;
    }

    private record Contribution(Term term, Hits hits, double points) {}

    private final MediaTopics topics;
    private final List<Term> terms = new ArrayList<>();
    /** First token to the terms starting with it, for phrase lookup. */
    private final Map<String, List<Integer>> termsByFirstToken = new HashMap<>();
    /** Term id to the targets it counts for, with its weight there. */
    private final Map<Integer, List<Map.Entry<Target, Double>>> targetsByTerm = new HashMap<>();

    public TopicTagger(MediaTopics topics) {
        this.topics = topics;
        Map<String, Integer> termIds = new HashMap<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (TopicLexicon.Entry entry : TopicLexicon.load(topics)) {
            String[] tokens = TopicTokenizer.tokens(entry.term()).stream()
                    .map(token -> token.capitals() ? CAPITALS + token.form() : token.form())
                    .toArray(String[]::new);
            if (tokens.length == 0) {
                continue;
            }
            Integer id = termIds.computeIfAbsent(String.join(" ", tokens), key -> {
                terms.add(new Term(terms.size(), entry.term(), tokens));
                return terms.size() - 1;
            });
            for (MediaTopic topic : selfAndAncestors(entry.code())) {
                if (topic.level() <= 2) {
                    Target target = target(targets, topic);
                    target.weights.merge(id, entry.weight(), Math::max);
                }
            }
        }
        for (int id = 0; id < terms.size(); id++) {
            termsByFirstToken
                    .computeIfAbsent(terms.get(id).tokens()[0], key -> new ArrayList<>())
                    .add(id);
        }
        for (Target target : targets.values()) {
            target.weights.forEach((id, weight) ->
                    targetsByTerm.computeIfAbsent(id, key -> new ArrayList<>()).add(Map.entry(target, weight)));
        }
    }

    public String version() {
        return VERSION;
    }

    public MediaTopics mediaTopics() {
        return topics;
    }

    /**
     * The topics of an article, best first: at most {@link #MAX_TOP_LEVEL} top-level topics and
     * {@link #MAX_SECOND_LEVEL} second-level ones (each under a kept top-level topic); empty when nothing is
     * convincing. {@code entityNames} may be empty.
     */
    public List<Topic> tag(String title, String text, List<String> entityNames) {
        Map<Integer, Hits> hits = new HashMap<>();
        List<Token> titleTokens = TopicTokenizer.tokens(title);
        List<Token> bodyTokens = TopicTokenizer.tokens(text);
        match(titleTokens, hits, Field.TITLE);
        match(bodyTokens, hits, Field.BODY);
        if (entityNames != null) {
            for (String name : entityNames) {
                match(TopicTokenizer.tokens(name), hits, Field.ENTITY);
            }
        }

        double lengthNorm = 1 - LENGTH_DAMPING + LENGTH_DAMPING * bodyTokens.size() / AVERAGE_BODY_TOKENS;
        Map<Target, List<Contribution>> evidence = new HashMap<>();
        Map<Target, Double> sums = new HashMap<>();
        hits.forEach((id, hit) -> {
            double fieldScore = (hit.title > 0 ? TITLE_WEIGHT : 0)
                    + hit.body / (hit.body + K1 * lengthNorm)
                    + (hit.entity > 0 ? ENTITY_WEIGHT : 0);
            for (Map.Entry<Target, Double> targetWeight : targetsByTerm.getOrDefault(id, List.of())) {
                double points = targetWeight.getValue() * fieldScore;
                Target target = targetWeight.getKey();
                sums.merge(target, points, Double::sum);
                evidence.computeIfAbsent(target, key -> new ArrayList<>())
                        .add(new Contribution(terms.get(id), hit, points));
            }
        });

        // strongest evidence first; the code breaks ties so the answer never depends on hashing order
        Comparator<Target> strongestFirst = Comparator.comparingDouble((Target target) -> -sums.get(target))
                .thenComparing(target -> target.topic.code());
        List<Target> topLevel = sums.keySet().stream()
                .filter(target -> target.parent == null)
                .sorted(strongestFirst)
                .toList();
        if (topLevel.isEmpty()) {
            return List.of();
        }
        double best = sums.get(topLevel.getFirst());
        List<Target> keptTopLevel = topLevel.stream()
                .filter(target -> score(sums.get(target)) >= MIN_SCORE)
                .filter(target -> sums.get(target) >= RELATIVE_TO_BEST * best)
                .filter(target -> convincing(target, evidence.get(target)))
                .limit(MAX_TOP_LEVEL)
                .toList();
        List<Target> keptSecondLevel = sums.keySet().stream()
                .filter(target -> target.parent != null && keptTopLevel.contains(target.parent))
                .filter(target -> score(sums.get(target)) >= MIN_SCORE)
                .filter(target -> sums.get(target) >= RELATIVE_TO_PARENT * sums.get(target.parent))
                .filter(target -> convincing(target, evidence.get(target)))
                .sorted(strongestFirst)
                .limit(MAX_SECOND_LEVEL)
                .toList();

        List<Topic> result = new ArrayList<>();
        for (Target target : keptTopLevel) {
            result.add(topic(target, sums.get(target), evidence.get(target)));
        }
        for (Target target : keptSecondLevel) {
            result.add(topic(target, sums.get(target), evidence.get(target)));
        }
        result.sort(Comparator.comparingDouble((Topic topic) -> -topic.score()).thenComparing(Topic::code));
        return List.copyOf(result);
    }

    private enum Field {
        TITLE,
        BODY,
        ENTITY
    }

    /** Counts lexicon terms in the tokens; at each position the longest matching phrase wins. */
    private void match(List<Token> tokens, Map<Integer, Hits> hits, Field field) {
        int i = 0;
        while (i < tokens.size()) {
            int matched = longestMatchAt(tokens, i);
            if (matched < 0) {
                i++;
                continue;
            }
            Hits hit = hits.computeIfAbsent(matched, key -> new Hits());
            switch (field) {
                case TITLE -> hit.title++;
                case BODY -> hit.body++;
                case ENTITY -> hit.entity++;
            }
            i += terms.get(matched).tokens().length;
        }
    }

    /** The id of the longest term starting at {@code start}, or -1. */
    private int longestMatchAt(List<Token> tokens, int start) {
        Token first = tokens.get(start);
        int best = longestMatchAt(tokens, start, termsByFirstToken.get(first.form()), -1);
        if (first.capitals()) {
            best = longestMatchAt(tokens, start, termsByFirstToken.get(CAPITALS + first.form()), best);
        }
        return best;
    }

    private int longestMatchAt(List<Token> tokens, int start, List<Integer> candidates, int best) {
        if (candidates == null) {
            return best;
        }
        for (int id : candidates) {
            String[] phrase = terms.get(id).tokens();
            if ((best < 0 || phrase.length > terms.get(best).tokens().length) && matchesAt(tokens, start, phrase)) {
                best = id;
            }
        }
        return best;
    }

    private static boolean matchesAt(List<Token> tokens, int start, String[] phrase) {
        if (start + phrase.length > tokens.size()) {
            return false;
        }
        for (int j = 0; j < phrase.length; j++) {
            Token token = tokens.get(start + j);
            boolean same = phrase[j].startsWith(CAPITALS)
                    ? token.capitals() && phrase[j].substring(CAPITALS.length()).equals(token.form())
                    : phrase[j].equals(token.form());
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** One strong term, or a good one in the title, is enough; weaker evidence needs two different terms. */
    private static boolean convincing(Target target, List<Contribution> contributions) {
        return contributions.size() >= 2
                || contributions.stream().anyMatch(c -> {
                    double weight = target.weights.get(c.term().id());
                    return weight >= STRONG_WEIGHT || (c.hits().title > 0 && weight >= STRONG_WEIGHT - 1);
                });
    }

    static double score(double sum) {
        return 1 - Math.exp(-sum / SCALE);
    }

    private static Topic topic(Target target, double sum, List<Contribution> contributions) {
        double rounded = Math.round(score(sum) * 1000) / 1000.0;
        return new Topic(
                target.topic.code(),
                target.topic.label(),
                rounded,
                trigger(contributions),
                EnrichedArticle.ORIGIN_TAGGER);
    }

    /** The strongest terms by field, e.g. {@code title: "election"; body: "parliament" x3, "minister" x2}. */
    private static String trigger(List<Contribution> contributions) {
        List<Contribution> strongest = contributions.stream()
                .sorted(Comparator.comparingDouble(Contribution::points).reversed())
                .limit(TRIGGER_TERMS)
                .toList();
        StringJoiner titles = new StringJoiner(", ", "title: ", "").setEmptyValue("");
        StringJoiner bodies = new StringJoiner(", ", "body: ", "").setEmptyValue("");
        StringJoiner entities = new StringJoiner(", ", "entities: ", "").setEmptyValue("");
        for (Contribution contribution : strongest) {
            String shown = "\"" + contribution.term().shown() + "\"";
            Hits hits = contribution.hits();
            if (hits.title > 0) {
                titles.add(shown);
            }
            if (hits.body > 0) {
                bodies.add(hits.body > 1 ? shown + " x" + hits.body : shown);
            }
            if (hits.entity > 0) {
                entities.add(shown);
            }
        }
        StringJoiner trigger = new StringJoiner("; ");
        for (StringJoiner part : List.of(titles, bodies, entities)) {
            if (part.length() > 0) {
                trigger.add(part.toString());
            }
        }
        return trigger.toString();
    }

    private List<MediaTopic> selfAndAncestors(String code) {
        List<MediaTopic> chain = new ArrayList<>();
        chain.add(topics.get(code));
        chain.addAll(topics.ancestors(code));
        return chain;
    }

    private Target target(Map<String, Target> targets, MediaTopic topic) {
        Target existing = targets.get(topic.code());
        if (existing != null) {
            return existing;
        }
        Target parent = topic.isTopLevel() ? null : target(targets, topics.topLevel(topic.code()));
        Target created = new Target(topic, parent);
        targets.put(topic.code(), created);
        return created;
    }
}
