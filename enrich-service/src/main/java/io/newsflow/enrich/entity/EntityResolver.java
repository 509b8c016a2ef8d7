package io.newsflow.enrich.entity;

import io.newsflow.events.EnrichedArticle.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the tagger's mentions into the article's entities: one per real-world thing, under its canonical name.
 *
 * <ul>
 *   <li>the operators' knowledge base decides first, then the gazetteer (known people and organisations, places
 *       with their country), which may also correct the tagger's type ("Texas" is a place);
 *   <li>within the article, a short name takes the full name it abbreviates: "Blinken" becomes "Antony Blinken"
 *       once the full name appeared, "UN" becomes "United Nations";
 *   <li>a dateline ("NEW YORK --") and country adjectives ("Russian lawmakers") point at their place;
 *   <li>each entity gets its mention count, a salience (mentions, title, how early) and a confidence.
 * </ul>
 */
public class EntityResolver {

    public static final String VERSION = "newsflow-entity-resolver-1";

    private static final int MAX_ENTITIES = 50;
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*([A-Z][A-Z.'\\- ]{1,40}?[A-Z.])\\s*(?:,[^\\n]{0,40}?)?(?:\\(\\w+\\)\\s*)?(?:--|—|–|:)");
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.&'-]*");
    private static final int MAX_CURATED_WORDS = 6;
    private static final Pattern ORGANISATION_JOINER = Pattern.compile("\\s+(?:of|for)(?:\\s+the)?\\s+");
    private static final int MAX_KNOWN_WORDS = 4;
    /** A middle initial between two words of a name: "R." of "John R. Bolton". */
    private static final Pattern MIDDLE_INITIAL = Pattern.compile("(?<=\\S) (\\p{Lu}\\.)+ (?=\\S)");

    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\b\\p{Lu}\\p{Ll}+\\b");
    /** Titles before a person's name, lower case without the full stop. */
    static final Set<String> HONORIFICS = Set.of(
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "sir",
            "dame",
            "lord",
            "lady",
            "prof",
            "professor",
            "president",
            "senator",
            "sen",
            "rep",
            "gov",
            "governor",
            "minister",
            "secretary",
            "general",
            "gen",
            "judge",
            "mayor",
            "king",
            "queen",
            "prince",
            "princess",
            "pope",
            "chancellor",
            "premier");

    private final Gazetteer gazetteer;
    private final Function<String, Optional<KnownEntity>> knowledgeBase;

    /**
     * @param knowledgeBase the operators' corrections, by name; {@code name -> Optional.empty()} for none
     */
    public EntityResolver(Gazetteer gazetteer, Function<String, Optional<KnownEntity>> knowledgeBase) {
        this.gazetteer = gazetteer;
        this.knowledgeBase = knowledgeBase;
    }

    /**
     * @param text the text the mentions were tagged in
     * @param titleLength how many leading characters of {@code text} are the title (mentions there weigh more)
     */
    public List<Entity> resolve(String text, int titleLength, List<Mention> mentions) {
        List<Mention> all = joinOrganisationParts(text, SpanRepair.repair(text, mentions, gazetteer));
        addDateline(text, titleLength, all);
        all.addAll(missedNames(text, all));
        List<Resolved> resolved = new ArrayList<>();
        for (Mention mention : all) {
            String name = clean(mention.text());
            if (name.length() < 2 || name.chars().noneMatch(Character::isLetter)) {
                continue;
            }
            resolved.add(lookup(name, mention.type(), mention.start() < titleLength, mention.start()));
        }
        placesInContext(resolved);
        canonicaliseShortNames(resolved);
        addCountryAdjectives(text, titleLength, all, resolved);
        return entities(resolved, text.length());
    }

    /**
     * The tagger often cuts "International Committee of the Red Cross" or "Bank of England" in two: an organisation,
     * "of (the)" or "for (the)", and another organisation (or a place) in the same sentence are one name.
     */
    private static List<Mention> joinOrganisationParts(String text, List<Mention> mentions) {
        List<Mention> joined = new ArrayList<>();
        for (Mention mention : mentions) {
            Mention previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            boolean join = previous != null
                    && Mention.ORGANIZATION.equals(previous.type())
                    && !Mention.PERSON.equals(mention.type())
                    && previous.sentence() == mention.sentence()
                    && ORGANISATION_JOINER
                            .matcher(text.substring(previous.end(), mention.start()))
                            .matches();
            if (join) {
                joined.set(
                        joined.size() - 1,
                        new Mention(
                                Mention.ORGANIZATION,
                                text.substring(previous.start(), mention.end()),
                                previous.start(),
                                mention.end(),
                                previous.sentence()));
            } else {
                joined.add(mention);
            }
        }
        return joined;
    }

    /**
     * The type the project gives a span the tagger typed {@code taggerType}: the knowledge base's or the
     * gazetteer's type when they know the name, the tagger's otherwise. Used to score the types on gold tokens.
     */
    public String type(String span, String taggerType) {
        return lookup(clean(span), taggerType, false, 0).type;
    }

    private Resolved lookup(String name, String type, boolean inTitle, int offset) {
        return lookup(name, type, inTitle, offset, Set.of());
    }

    /**
     * A place name several places share is read in the light of the article's other places: "Georgia" in a story
     * about Atlanta and Texas is the US state, "Paris" beside Dallas the Texas town.
     */
    private void placesInContext(List<Resolved> resolved) {
        Map<String, Integer> countries = new java.util.HashMap<>();
        for (Resolved r : resolved) {
            if (r.country != null) {
                countries.merge(r.country, 1, Integer::sum);
            }
        }
        for (int i = 0; i < resolved.size(); i++) {
            Resolved r = resolved.get(i);
            if (r.source != Source.GAZETTEER || !Mention.LOCATION.equals(r.type) || r.country == null) {
                continue;
            }
            // the other mentions' countries, not this one's own
            Set<String> context = new HashSet<>();
            countries.forEach((country, count) -> {
                if (count > (country.equals(r.country) ? 1 : 0)) {
                    context.add(country);
                }
            });
            if (context.isEmpty() || context.contains(r.country)) {
                continue;
            }
            Resolved again = lookup(r.original, Mention.LOCATION, r.inTitle, r.offset, context);
            if (again.country != null && context.contains(again.country)) {
                resolved.set(i, again);
            }
        }
    }

    private Resolved lookup(String name, String type, boolean inTitle, int offset, Set<String> context) {
        Resolved resolved = resolveName(name, type, inTitle, offset, context);
        resolved.original = name;
        return resolved;
    }

    private Resolved resolveName(String name, String type, boolean inTitle, int offset, Set<String> context) {
        Optional<KnownEntity> curated = knowledgeBase.apply(name);
        if (curated.isPresent()) {
            return Resolved.known(curated.get(), Source.KNOWLEDGE_BASE, inTitle, offset);
        }
        Optional<KnownEntity> known = gazetteer.known(name, type);
        if (known.isPresent()) {
            return Resolved.known(known.get(), Source.GAZETTEER, inTitle, offset);
        }
        boolean placeLike = Mention.LOCATION.equals(type)
                || gazetteer.typeOf(name).map(Mention.LOCATION::equals).orElse(false);
        if (placeLike) {
            Optional<Place> place = context.isEmpty() ? gazetteer.place(name) : gazetteer.place(name, context);
            // a one-word name the tagger calls a person stays one, unless it is a country: "Michael" and "Stanley"
            // are people far more often than an Isle of Man parish or the Falklands' capital
            boolean personName = Mention.PERSON.equals(type) && name.indexOf(' ') < 0;
            if (place.isPresent()
                    && !(personName && !Place.COUNTRY.equals(place.get().kind()))) {
                Place p = place.get();
                return new Resolved(Mention.LOCATION, p.name(), p.id(), p.country(), Source.GAZETTEER, inTitle, offset);
            }
        }
        return new Resolved(type, name, null, null, Source.TAGGER, inTitle, offset);
    }

    /** "Blinken" -> "Antony Blinken", "UN" -> "United Nations", "Microsoft" -> "Microsoft Corp." within the article. */
    private static void canonicaliseShortNames(List<Resolved> resolved) {
        mergeMiddleInitials(resolved);
        List<Resolved> fullNames =
                resolved.stream().filter(r -> r.name.indexOf(' ') > 0).toList();
        for (Resolved r : resolved) {
            if (r.id != null || r.name.indexOf(' ') > 0) {
                continue;
            }
            Resolved match = null;
            for (Resolved full : fullNames) {
                if (!full.type.equals(r.type) && !(isAcronym(r.name) && Mention.ORGANIZATION.equals(full.type))) {
                    continue;
                }
                if (abbreviates(r.name, full.name, r.type)) {
                    if (match != null && !match.name.equals(full.name)) {
                        match = null; // two people called Smith: leave the short name alone
                        break;
                    }
                    match = full;
                }
            }
            if (match != null) {
                r.adopt(match);
            }
        }
    }

    /**
     * "John R. Bolton" and "John Bolton" in one article are one person: every full name of a person that is another
     * full name with middle initials added takes the name without them (or, with an id, the one with the id).
     */
    private static void mergeMiddleInitials(List<Resolved> resolved) {
        Map<String, Resolved> byPlainName = new HashMap<>();
        for (Resolved r : resolved) {
            if (Mention.PERSON.equals(r.type) && r.name.indexOf(' ') > 0) {
                String plain = withoutInitials(r.name);
                Resolved best = byPlainName.get(plain);
                if (best == null || r.id != null && best.id == null || best.id == null && r.name.equals(plain)) {
                    byPlainName.put(plain, r);
                }
            }
        }
        for (Resolved r : resolved) {
            if (Mention.PERSON.equals(r.type) && r.name.indexOf(' ') > 0) {
                Resolved best = byPlainName.get(withoutInitials(r.name));
                if (best != r && !best.name.equals(r.name) && (r.id == null || r.id.equals(best.id))) {
                    r.adopt(best);
                }
            }
        }
    }

    private static String withoutInitials(String name) {
        return MIDDLE_INITIAL.matcher(name).replaceAll(" ");
    }

    private static boolean abbreviates(String shortName, String fullName, String type) {
        String[] words = fullName.split(" ");
        if (isAcronym(shortName)) {
            StringBuilder initials = new StringBuilder();
            for (String word : words) {
                if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                    initials.append(word.charAt(0));
                }
            }
            return initials.length() > 1 && initials.toString().equals(shortName.replace(".", ""));
        }
        if (Mention.PERSON.equals(type)) {
            return words[words.length - 1].equalsIgnoreCase(shortName) || words[0].equalsIgnoreCase(shortName);
        }
        return words[0].equalsIgnoreCase(shortName);
    }

    private static boolean isAcronym(String name) {
        String letters = name.replace(".", "");
        return letters.length() >= 2 && letters.length() <= 6 && letters.chars().allMatch(Character::isUpperCase);
    }

    /**
     * Names the tagger missed that the knowledge base knows (any type), or the gazetteer knows as a person or an
     * organisation ("ISIL", "Goldman Sachs"): the longest run of capitalised words first. Gazetteer places are
     * left out: too many of them are also common words or first names ("North", "Stanley").
     *
     * @return the mentions to add, with offsets into {@code text}
     */
    public List<Mention> missedNames(String text, List<Mention> tagged) {
        Matcher word = NAME_WORD.matcher(text);
        List<int[]> words = new ArrayList<>();
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        List<Mention> added = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int start = words.get(i)[0];
            if (!Character.isUpperCase(text.codePointAt(start)) || covered(tagged, start)) {
                continue;
            }
            for (int n = Math.min(MAX_CURATED_WORDS, words.size() - i); n >= 1; n--) {
                int end = words.get(i + n - 1)[1];
                if (covered(tagged, words.get(i + n - 1)[0])) {
                    continue;
                }
                String candidate = text.substring(start, end);
                Optional<String> type = knowledgeBase.apply(candidate).map(KnownEntity::type);
                if (type.isEmpty() && n <= MAX_KNOWN_WORDS && !partOfLongerName(text, words, i, i + n)) {
                    type = gazetteer.known(candidate).map(KnownEntity::type).filter(t -> !Mention.LOCATION.equals(t));
                }
                if (type.isPresent()) {
                    added.add(new Mention(type.get(), candidate, start, end, -1));
                    i += n - 1;
                    break;
                }
            }
        }
        return added;
    }

    /**
     * Whether words {@code [from, to)} sit inside a longer capitalised name: "Radio Disney IncubaTor", "UN Security
     * Council Resolution 2254", "Islamic State of Iraq". A known name there is not the entity the text names.
     */
    private static boolean partOfLongerName(String text, List<int[]> words, int from, int to) {
        if (to < words.size() && adjacent(text, words.get(to - 1), words.get(to))) {
            int[] next = words.get(to);
            if (Character.isUpperCase(text.codePointAt(next[0]))) {
                return true;
            }
            boolean of = text.substring(next[0], next[1]).equals("of");
            if (of && to + 1 < words.size() && Character.isUpperCase(text.codePointAt(words.get(to + 1)[0]))) {
                return true;
            }
        }
        if (from > 0 && adjacent(text, words.get(from - 1), words.get(from))) {
            int[] previous = words.get(from - 1);
            boolean sentenceStart = previous[0] == 0 || ".!?\n".indexOf(before(text, previous[0])) >= 0;
            return Character.isUpperCase(text.codePointAt(previous[0])) && !sentenceStart;
        }
        return false;
    }

    /** Only spaces between the two words. */
    private static boolean adjacent(String text, int[] first, int[] second) {
        return text.substring(first[1], second[0]).isBlank()
                && !text.substring(first[1], second[0]).contains("\n");
    }

    /** The last non-space character before {@code offset}, or a newline at the start. */
    private static char before(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return '\n';
    }

    private static boolean covered(List<Mention> mentions, int offset) {
        for (Mention m : mentions) {
            if (m.start() <= offset && offset < m.end()) {
                return true;
            }
        }
        return false;
    }

    private void addDateline(String text, int titleLength, List<Mention> mentions) {
        String body = text.substring(Math.min(titleLength, text.length()));
        Matcher dateline = DATELINE.matcher(body.length() > 200 ? body.substring(0, 200) : body);
        if (!dateline.find()) {
            return;
        }
        String name = dateline.group(1).strip();
        int start = titleLength + dateline.start(1);
        boolean tagged = mentions.stream().anyMatch(m -> m.start() <= start && start < m.end());
        if (!tagged && gazetteer.place(name).isPresent()) {
            mentions.add(new Mention(Mention.LOCATION, name, start, start + name.length(), 0));
        }
    }

    private void addCountryAdjectives(String text, int titleLength, List<Mention> mentions, List<Resolved> into) {
        Matcher word = CAPITALISED_WORD.matcher(text);
        while (word.find()) {
            int start = word.start();
            boolean inside = mentions.stream().anyMatch(m -> m.start() <= start && start < m.end());
            if (inside) {
                continue;
            }
            Optional<Place> country = gazetteer.countryOfAdjective(word.group());
            country.ifPresent(place -> into.add(new Resolved(
                    Mention.LOCATION,
                    place.name(),
                    place.id(),
                    place.country(),
                    Source.ADJECTIVE,
                    start < titleLength,
                    start)));
        }
    }

    private static List<Entity> entities(List<Resolved> resolved, int textLength) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Resolved r : resolved) {
            String key = r.id != null ? r.id : r.type + ":" + EntityNames.key(r.name);
            groups.computeIfAbsent(key, k -> new Group(r)).add(r);
        }
        double top = groups.values().stream()
                .mapToDouble(g -> g.weight(textLength))
                .max()
                .orElse(1);
        return groups.values().stream()
                .sorted(Comparator.comparingDouble((Group g) -> -g.weight(textLength)))
                .limit(MAX_ENTITIES)
                .map(g -> new Entity(
                        g.first.type,
                        g.first.name,
                        g.first.id,
                        g.first.country,
                        g.mentions,
                        round(g.weight(textLength) / top),
                        g.confidence()))
                .toList();
    }

    private static String clean(String span) {
        String name = span.strip().replaceAll("\\s+", " ");
        if (name.endsWith("'s") || name.endsWith("’s")) {
            name = name.substring(0, name.length() - 2);
        } else if (name.endsWith("'") || name.endsWith("’")) {
            name = name.substring(0, name.length() - 1);
        }
        String[] words = name.split(" ");
        int first = 0;
        while (first < words.length - 1
                && HONORIFICS.contains(words[first].replace(".", "").toLowerCase(Locale.ROOT))) {
            first++;
        }
        if (first > 0) {
            name = String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
        }
        if (name.regionMatches(true, 0, "the ", 0, 4)) {
            name = name.substring(4);
        }
        return name.strip();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private enum Source {
        KNOWLEDGE_BASE,
        GAZETTEER,
        TAGGER,
        ADJECTIVE
    }

    /** One mention once its name and ids are decided. */
    private static final class Resolved {
        private String type;
        private String name;
        private String id;
        private String country;
        private Source source;
        private final boolean inTitle;
        private final int offset;
        /** The name as the article wrote it. */
        private String original;

        Resolved(String type, String name, String id, String country, Source source, boolean inTitle, int offset) {
            this.type = type;
            this.name = name;
            this.id = id;
            this.country = country;
            this.source = source;
            this.inTitle = inTitle;
            this.offset = offset;
        }

        static Resolved known(KnownEntity known, Source source, boolean inTitle, int offset) {
            return new Resolved(known.type(), known.name(), known.id(), known.country(), source, inTitle, offset);
        }

        void adopt(Resolved full) {
            type = full.type;
            name = full.name;
            id = full.id;
            country = full.country;
            source = full.source;
        }
    }

    /** All mentions of one entity. */
    private static final class Group {
        private final Resolved first;
        private final Set<Source> sources = new HashSet<>();
        private int mentions;
        private boolean inTitle;
        private int firstOffset = Integer.MAX_VALUE;

        Group(Resolved first) {
            this.first = first;
        }

        void add(Resolved r) {
            mentions++;
            inTitle |= r.inTitle;
            firstOffset = Math.min(firstOffset, r.offset);
            sources.add(r.source);
        }

        /** More mentions, a mention in the title and an early first mention make an entity more central. */
        double weight(int textLength) {
            double position = 1.0 - Math.min(1.0, firstOffset / (double) Math.max(1, textLength));
            return Math.log1p(mentions) * (inTitle ? 2.0 : 1.0) * (0.5 + position);
        }

        double confidence() {
            if (sources.contains(Source.KNOWLEDGE_BASE)) {
                return 1.0;
            }
            if (sources.contains(Source.GAZETTEER)) {
                return sources.contains(Source.TAGGER) || mentions > 1 ? 0.95 : 0.9;
            }
            if (sources.equals(Set.of(Source.ADJECTIVE))) {
                return 0.6;
            }
            return mentions > 1 ? 0.85 : 0.7;
        }
    }
}
