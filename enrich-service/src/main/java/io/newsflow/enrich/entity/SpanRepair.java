package io.newsflow.enrich.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Repairs the spans a sentence-by-sentence tagger gets wrong in a way a reader sees at once:
 *
 * <ul>
 *   <li>a bare title word: "State" of "Secretary of State", "Defense" of "Minister of Defense", or a title alone
 *       ("President", "Minister") is no entity: dropped;
 *   <li>a fragment of a slashed acronym: "RL" of "RFE/RL" becomes the whole name ("RFE/RL", "AC/DC"); names side
 *       by side ("Myers/Lusk", a ticket; "Afghanistan/Pakistan") stay as they are (measured: dropping them lost real
 *       names, see BENCHMARKS.md);
 *   <li>merged places: "Russia U.S." or "Syria Iraq", two countries the tagger ran together, become two places.
 * </ul>
 *
 * Pure and thread-safe; the gazetteer is only read.
 */
public final class SpanRepair {

    /** What follows "Secretary of", "Minister for" in an office's name. */
    private static final Set<String> OFFICE_OBJECTS = Set.of(
            "state",
            "defense",
            "defence",
            "health",
            "justice",
            "interior",
            "finance",
            "treasury",
            "energy",
            "education",
            "commerce",
            "labor",
            "labour",
            "agriculture",
            "transport",
            "transportation",
            "war",
            "culture",
            "trade",
            "housing",
            "environment",
            "veterans",
            "homeland");

    private static final Pattern OFFICE_BEFORE = Pattern.compile(
            "(?i).*\\b(secretary|secretaries|minister|ministers|undersecretary|under-secretary|commissioner)"
                    + "(-general)?\\s+(of|for)\\s+(the\\s+)?$",
            Pattern.DOTALL);
    /** Words that are no organisation or place alone; titles ({@link EntityResolver#HONORIFICS}) are none either. */
    private static final Set<String> INSTITUTION_WORDS = Set.of("state", "government", "prime minister");
    /** Of those, the ones that are no one's surname: a person tagged so is a title alone ("Mayor" and "King" are). */
    private static final Set<String> PERSON_TITLES =
            Set.of("president", "minister", "prime minister", "secretary", "senator", "chancellor", "pope");

    private static final Pattern SLASHED_ACRONYM = Pattern.compile("[\\p{Lu}\\d&]{1,8}(/[\\p{Lu}\\d&]{1,8})+");
    private static final String TOKEN_PUNCTUATION = ",.;:!?()[]\"'“”‘’";
    private static final int LOOK_BEFORE = 40;

    private SpanRepair() {}

    /** The mentions repaired, in their order. */
    public static List<Mention> repair(String text, List<Mention> mentions, Gazetteer gazetteer) {
        List<Mention> repaired = new ArrayList<>(mentions.size());
        for (Mention mention : mentions) {
            if (isBareTitle(text, mention)) {
                continue;
            }
            Mention slashed = slashed(text, mention);
            if (slashed != mention) {
                if (!covered(repaired, slashed)) {
                    repaired.add(slashed);
                }
                continue;
            }
            repaired.addAll(split(mention, gazetteer));
        }
        return repaired;
    }

    private static boolean isBareTitle(String text, Mention mention) {
        String name = mention.text().strip().toLowerCase(Locale.ROOT);
        boolean titleAlone = Mention.PERSON.equals(mention.type())
                ? PERSON_TITLES.contains(name)
                : EntityResolver.HONORIFICS.contains(name) || INSTITUTION_WORDS.contains(name);
        if (titleAlone) {
            return true;
        }
        String before = text.substring(Math.max(0, mention.start() - LOOK_BEFORE), mention.start());
        return OFFICE_OBJECTS.contains(name) && OFFICE_BEFORE.matcher(before).matches();
    }

    /** The whole slashed acronym the mention is part of, or the mention itself. */
    private static Mention slashed(String text, Mention mention) {
        boolean before = mention.start() > 0 && text.charAt(mention.start() - 1) == '/';
        boolean after = mention.end() < text.length() && text.charAt(mention.end()) == '/';
        if (!before && !after) {
            return mention;
        }
        int start = mention.start();
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = mention.end();
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        while (start < end && TOKEN_PUNCTUATION.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TOKEN_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String token = text.substring(start, end);
        if (SLASHED_ACRONYM.matcher(token).matches()) {
            return new Mention(mention.type(), token, start, end, mention.sentence());
        }
        // "Myers/Lusk", "Afghanistan/Pakistan": names side by side, each what it is
        return mention;
    }

    private static boolean covered(List<Mention> mentions, Mention mention) {
        return mentions.stream().anyMatch(m -> m.start() <= mention.start() && mention.end() <= m.end());
    }

    /** A place of several words that is no place, but whose words split into two countries: the two countries. */
    private static List<Mention> split(Mention mention, Gazetteer gazetteer) {
        String name = mention.text();
        if (!Mention.LOCATION.equals(mention.type())
                || name.indexOf(' ') < 0
                || gazetteer.place(name).isPresent()) {
            return List.of(mention);
        }
        for (int space = name.indexOf(' '); space > 0; space = name.indexOf(' ', space + 1)) {
            String left = name.substring(0, space).strip();
            String right = name.substring(space + 1).strip();
            if (isCountry(left, gazetteer) && isCountry(right, gazetteer)) {
                int rightStart = mention.start() + name.indexOf(right, space);
                return List.of(
                        new Mention(
                                mention.type(),
                                left,
                                mention.start(),
                                mention.start() + left.length(),
                                mention.sentence()),
                        new Mention(
                                mention.type(), right, rightStart, rightStart + right.length(), mention.sentence()));
            }
        }
        return List.of(mention);
    }

    private static boolean isCountry(String name, Gazetteer gazetteer) {
        return !name.isEmpty()
                && gazetteer
                        .place(name)
                        .map(place -> Place.COUNTRY.equals(place.kind()))
                        .orElse(false);
    }
}
