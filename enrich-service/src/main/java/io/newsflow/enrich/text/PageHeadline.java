package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headline of a scraped page's text: of the lines of a headline's length where the article starts (up to {@link
 * #LOOK_BACK} lines above it and {@link #INTO_ARTICLE} into it), the one of highest score. A line is measured on what
 * a reader sees in it ({@link #FEATURES}: how much of the article it names, its size and form, a byline or a date
 * under it, its distance from the article, whether it is chrome, a menu or a share line, whether a breadcrumb holds
 * it); the weights of the score are learnt from the public extraction sets ({@link #WEIGHTS}).
 *
 * <p>Stateless and thread-safe.
 */
public final class PageHeadline {

    /** How far above the article's first paragraph its headline may stand. */
    static final int LOOK_BACK = 100;

    /** How far into the article a headline may stand (pages that put a kicker or a first line above it). */
    static final int INTO_ARTICLE = 10;

    /** Words from which a line is as long as a headline gets credit for. */
    private static final int FULL_WORDS = 8;

    private static final int HEADING_WORDS = 20;
    private static final int CONTENT_WORD_LENGTH = 4;
    /** The article's words are read from its start: the lead restates the headline. */
    private static final int ARTICLE_WORDS_FROM = 3000;

    private static final int MIN_LENGTH = 8;
    private static final int MIN_CANDIDATE_LENGTH = 3;
    private static final int NEAR = 10;
    private static final int MAX_LENGTH = 250;
    private static final int MAX_WORDS = 35;
    /** A sentence this long that ends in a full stop is the standfirst under the headline, not the headline. */
    private static final int STANDFIRST_WORDS = 14;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern BYLINE = Pattern.compile(
            "(?iU)(by|von|par|por|di|door|av|af|de|text:|von:|autor:|author:|written by|posted by)\\s+\\p{Lu}.{0,80}");
    /** Month names and their short forms, in English, German, French and Spanish. */
    private static final String MONTHS = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
            + "|januar|februar|märz|mai|juni|juli|okt|dez|janvier|février|mars|avril|juin|juillet|août|septembre"
            + "|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre"
            + "|noviembre|diciembre)[a-zé]*\\.?";

    private static final Pattern MONTH_WORD = Pattern.compile("(?iU)\\b" + MONTHS);
    private static final Pattern MONTH = Pattern.compile("(?iU).*\\b" + MONTHS + "\\b.*");
    private static final Pattern NUMERIC_DATE = Pattern.compile(".*\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b.*");
    /** What is left of a date line without its date: a few words ("Published", "Updated on", "um ... Uhr"). */
    private static final Pattern DATE_WORDS = Pattern.compile("(?iU)\\b(published|updated|posted|last|on|at|am|um|uhr"
            + "|veröffentlicht|aktualisiert|erstellt|publié|le|mis|à|jour|publicado|actualizado|el|de|del|a|las|min\\.?"
            + "|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag"
            + "|mittwoch|donnerstag|freitag|samstag|sonntag|pm|am|gmt|utc|cet|cest|edt|est|bst)\\b|\\d+");

    private static final Pattern POSTED =
            Pattern.compile("(?iU)(posted|filed|published|veröffentlicht|erstellt|geschrieben"
                    + "|publié|publicado|tags?|schlagwörter|schlagworte|kategorien?|categor(y|ies)|rubriken?|thema|themen"
                    + "|abgelegt|eingestellt)( (in|on|under|by|am|von|unter|le|par|el|por|de))?\\s?:?\\s.{0,200}");
    /** A line with a clock time ("10:20", "00:11 Uhr"): a date line or a programme, not a headline. */
    private static final Pattern TIME = Pattern.compile(".*\\b\\d{1,2}:\\d{2}\\b.*");

    private static final Pattern ADDRESS =
            Pattern.compile("(?i)\\S@\\S|\\bwww\\.|https?://|\\.(com|org|net|de|fr|es|it|co\\.uk|com\\.br)\\b");
    private static final Pattern SHARING = Pattern.compile(
            "(?iU)\\b(share|sharing|e-?mail|tweet|facebook|twitter"
                    + "|whatsapp|pinterest|linkedin|print|click|opens in (a )?new window|teilen|drucken|partager|compartir)\\b");

    private static final Pattern BREADCRUMB = Pattern.compile(
            "(?iU)(home|startseite|start|accueil|inicio|portada|news|nachrichten)\\b\\s*[>»›/|:]?\\s.*");

    private static final Pattern COMMENTS = Pattern.compile(
            "(?iU)\\d+\\s+(comments?|kommentare?|thoughts|responses|replies|reactions|commentaires?|comentarios?)\\b.*");
    private static final Pattern MENU = Pattern.compile(".*(\\s[|•·»›]\\s.*){2,}|.*\\s[|]\\s.*");

    private PageHeadline() {}

    /** A line of the page that may be its headline, and what is known of it (see {@link #FEATURES}). */
    public record Candidate(String line, double[] features) {}

    /**
     * What each candidate line is measured on, in the order of {@link Candidate#features()}; the weights that make a
     * score of them are {@link #WEIGHTS}.
     */
    public static final List<String> FEATURES = List.of(
            "share of its words in the article",
            "share of its words in the article's first paragraph",
            "size (words, up to 8)",
            "15 words or more",
            "3 words or fewer",
            "one word",
            "ends a sentence",
            "a standfirst (a long sentence)",
            "headline-shaped",
            "a chrome line",
            "a byline or a date",
            "a byline or a date under it",
            "a byline or a date above it",
            "distance above the article (lines, up to 10, / 10)",
            "distance above the article (lines / 100)",
            "distance into the article (lines / 10)",
            "the article's first line",
            "inside the article",
            "the nearest headline-shaped line above the article",
            "position on the page",
            "share of capitalised words",
            "all capitals",
            "a menu",
            "ends in ':', '...' or ','",
            "said more than once on the page",
            "starts with no letter or quote",
            "a clock time",
            "a chrome line above it",
            "shared words x size",
            "the most words in the article of all candidates",
            "the most words in the first paragraph of all candidates",
            "the most shared words x size of all candidates",
            "the second headline-shaped line above the article",
            "an e-mail or web address",
            "sharing words (share, e-mail, tweet, print, click)",
            "a breadcrumb (starts with Home, Startseite, Accueil, Inicio)",
            "holds another candidate and more (a breadcrumb, a share line)",
            "held in a longer candidate",
            "held in a longer line elsewhere on the page");

    /**
     * The weights of {@link #FEATURES}: a conditional logit model (the headline is the candidate of highest score),
     * trained on the public extraction sets by {@code ./newsflow bench titles --train} (see BENCHMARKS.md), which
     * also prints its cross-validated accuracy.
     */
    static final double[] WEIGHTS = {
        2.476, 2.257, 2.288, -0.654, -1.002, 0.360, -2.152, -0.313, 1.406, -0.529, -0.878, 1.867, 0.980, -1.186, -1.964,
        -2.203, -0.810, -3.361, -0.237, 0.713, 0.070, 0.021, -0.286, -0.293, 0.463, 0.150, -1.306, 0.243, 1.406, -0.970,
        -0.040, -0.716, 0.239, -1.600, -1.234, -0.338, -0.396, 1.065, 1.161
    };

    /**
     * @param scrapedText the page's visible text, one block per line
     * @param articleText the article found in it ({@link ScrapedTextCleaner#clean}), paragraphs apart by a blank line
     * @return the headline line, or empty when none stands where the article starts
     */
    public static Optional<String> of(String scrapedText, String articleText) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Candidate candidate : candidates(scrapedText, articleText)) {
            double score = 0;
            for (int f = 0; f < WEIGHTS.length; f++) {
                score += WEIGHTS[f] * candidate.features()[f];
            }
            if (score > bestScore) {
                best = candidate.line();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The lines that may be the page's headline: those of a headline's length where the article starts, up to {@link
     * #LOOK_BACK} lines above it and a few into it.
     */
    public static List<Candidate> candidates(String scrapedText, String articleText) {
        List<Candidate> candidates = new ArrayList<>();
        if (scrapedText == null || articleText == null || articleText.isBlank()) {
            return candidates;
        }
        List<String> lines = PageLines.of(scrapedText);
        String first = articleText.strip().split("\n\n", 2)[0];
        int start = lines.indexOf(first);
        if (start < 0) {
            return candidates;
        }
        // the words of the article after its first paragraph, which may be the headline itself
        String rest = articleText.strip().substring(first.length());
        Set<String> articleWords =
                contentWords(rest.length() > ARTICLE_WORDS_FROM ? rest.substring(0, ARTICLE_WORDS_FROM) : rest);
        Set<String> leadWords = contentWords(first);
        Map<String, Integer> said = new HashMap<>();
        lines.forEach(line -> said.merge(line, 1, Integer::sum));
        int headlinesSeen = 0;
        for (int i = start + INTO_ARTICLE; i >= Math.max(0, start - LOOK_BACK); i--) {
            if (i >= lines.size()) {
                continue;
            }
            String line = lines.get(i);
            int words = words(line);
            if (line.length() < MIN_CANDIDATE_LENGTH || line.length() > MAX_LENGTH || words > MAX_WORDS) {
                continue;
            }
            if (i == start && !isHeading(line)) {
                // the article's first paragraph, a sentence of its text
                continue;
            }
            boolean headline = isHeadline(line) && !isStandfirst(line);
            if (headline && i <= start) {
                headlinesSeen++;
            }
            boolean nearest = headline && i <= start && headlinesSeen == 1;
            boolean second = headline && i <= start && headlinesSeen == 2;
            Set<String> lineWords = contentWords(line);
            double shared = share(lineWords, articleWords);
            double size = Math.min(words, FULL_WORDS) / (double) FULL_WORDS;
            double[] f = {
                shared,
                i == start ? 0 : share(lineWords, leadWords),
                size,
                flag(words >= 15),
                flag(words <= 3),
                flag(words == 1),
                flag(endsSentence(line)),
                flag(isStandfirst(line)),
                flag(headline),
                flag(ScrapedTextCleaner.isChromeLine(line)),
                flag(isAbout(line)),
                flag(isAbout(lines, i + 1) || isAbout(lines, i + 2)),
                flag(i > 0 && isAbout(lines.get(i - 1))),
                i < start ? Math.min(start - i, NEAR) / (double) NEAR : 0,
                i < start ? (start - i) / (double) LOOK_BACK : 0,
                i > start ? (i - start) / (double) INTO_ARTICLE : 0,
                flag(i == start),
                flag(i > start),
                flag(nearest),
                i / (double) lines.size(),
                capitalised(line),
                flag(line.equals(line.toUpperCase(Locale.ROOT)) && !line.equals(line.toLowerCase(Locale.ROOT))),
                flag(MENU.matcher(line).matches()),
                flag(line.endsWith(":") || line.endsWith("...") || line.endsWith("…") || line.endsWith(",")),
                flag(said.get(line) > 1),
                flag(!Character.isLetterOrDigit(line.codePointAt(0)) && "\"'“‘«„¿¡".indexOf(line.charAt(0)) < 0),
                flag(TIME.matcher(line).matches()),
                flag(i > 0 && ScrapedTextCleaner.isChromeLine(lines.get(i - 1))),
                shared * size,
                0,
                0,
                0,
                flag(second),
                flag(ADDRESS.matcher(line).find()),
                flag(SHARING.matcher(line).find()),
                flag(BREADCRUMB.matcher(line).matches()),
                0,
                0,
                flag(words >= 3 && heldElsewhere(line, lines, i))
            };
            candidates.add(new Candidate(line, f));
        }
        // how each candidate compares with the others of the page
        int last = FEATURES.size() - 7;
        relative(candidates, 0, last - 3);
        relative(candidates, 1, last - 2);
        relative(candidates, last - 4, last - 1);
        nested(candidates, FEATURES.size() - 3, FEATURES.size() - 2);
        return candidates;
    }

    /** Whether a longer line of the page than line {@code at} holds it (a share line, a teaser, a breadcrumb). */
    private static boolean heldElsewhere(String line, List<String> lines, int at) {
        for (int i = 0; i < lines.size(); i++) {
            if (i != at && lines.get(i).length() > line.length() && lines.get(i).contains(line)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets feature {@code holds} of the candidates that hold another candidate of three words or more and more besides,
     * and {@code held} of the candidates held so.
     */
    private static void nested(List<Candidate> candidates, int holds, int held) {
        for (Candidate inner : candidates) {
            if (words(inner.line()) < 3) {
                continue;
            }
            for (Candidate outer : candidates) {
                if (outer.line().length() > inner.line().length()
                        && outer.line().contains(inner.line())) {
                    outer.features()[holds] = 1;
                    inner.features()[held] = 1;
                }
            }
        }
    }

    /** Sets feature {@code to} of the candidates with the highest feature {@code of} (when above 0). */
    private static void relative(List<Candidate> candidates, int of, int to) {
        double max = 0;
        for (Candidate candidate : candidates) {
            max = Math.max(max, candidate.features()[of]);
        }
        for (Candidate candidate : candidates) {
            candidate.features()[to] = flag(max > 0 && candidate.features()[of] == max);
        }
    }

    private static double flag(boolean value) {
        return value ? 1 : 0;
    }

    private static double share(Set<String> words, Set<String> in) {
        if (words.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String word : words) {
            if (in.contains(word)) {
                shared++;
            }
        }
        return shared / (double) words.size();
    }

    /** The share of the line's words of four letters or more that start with a capital. */
    private static double capitalised(String line) {
        int words = 0;
        int capitals = 0;
        var matcher = WORD.matcher(line);
        while (matcher.find()) {
            String word = matcher.group();
            if (word.length() >= CONTENT_WORD_LENGTH) {
                words++;
                if (Character.isUpperCase(word.codePointAt(0))) {
                    capitals++;
                }
            }
        }
        return words == 0 ? 0 : capitals / (double) words;
    }

    /** A short line that opens the article is its headline only when it is not a sentence of the text. */
    private static boolean isHeading(String line) {
        return !endsSentence(line) && words(line) <= HEADING_WORDS;
    }

    private static Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            if (word.length() >= CONTENT_WORD_LENGTH) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    static boolean isHeadline(String line) {
        int words = words(line);
        if (line.length() < MIN_LENGTH || line.length() > MAX_LENGTH || words < 2 || words > MAX_WORDS) {
            return false;
        }
        if (line.endsWith(":")
                || line.endsWith("...")
                || line.endsWith(",")
                || MENU.matcher(line).matches()) {
            return false;
        }
        if (!Character.isLetterOrDigit(line.codePointAt(0)) && "\"'“‘«„¿¡".indexOf(line.charAt(0)) < 0) {
            return false;
        }
        if (isAbout(line) || TIME.matcher(line).matches()) {
            return false;
        }
        return !ScrapedTextCleaner.isChromeLine(line);
    }

    /** A date or a time with a few words around it ("Published 12 March 2019, 10:04"). */
    private static boolean isDate(String line, int words) {
        if (words > 12
                || !(MONTH.matcher(line).matches() || NUMERIC_DATE.matcher(line).matches())) {
            return false;
        }
        String rest =
                MONTH_WORD.matcher(DATE_WORDS.matcher(line).replaceAll(" ")).replaceAll(" ");
        return words(rest) <= 1;
    }

    private static boolean isAbout(List<String> lines, int index) {
        return index < lines.size() && isAbout(lines.get(index));
    }

    /** A line that says who wrote an article or when: a byline, a date, "Posted in ...", a comment count. */
    private static boolean isAbout(String line) {
        return BYLINE.matcher(line).matches()
                || COMMENTS.matcher(line).matches()
                || POSTED.matcher(line).matches()
                || isDate(line, words(line));
    }

    private static boolean isStandfirst(String line) {
        return endsSentence(line) && line.endsWith(".") && words(line) >= STANDFIRST_WORDS;
    }

    private static boolean endsSentence(String line) {
        return line.endsWith(".") && !line.endsWith("..") || line.endsWith("。");
    }

    private static int words(String line) {
        int count = 0;
        var matcher = WORD.matcher(line);
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
