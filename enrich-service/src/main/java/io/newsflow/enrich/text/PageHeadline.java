package io.newsflow.enrich.text;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headline of a scraped page's text: of the heading lines where the article starts and above it (never a line of
 * the page's chrome, a byline, a date, a caption or the standfirst), the one that best names what the article says,
 * is most like a headline in form and stands nearest, best of all above a byline or a date.
 *
 * <p>Stateless and thread-safe.
 */
public final class PageHeadline {

    /** How far above the article's first paragraph its headline may stand. */
    static final int LOOK_BACK = 40;

    // a candidate's score: the share of its words the article uses, its size, its form, what stands under it, less
    // its distance from the article (weights tried on the extraction sets, see BENCHMARKS.md)
    private static final double BASE = 0.1;
    private static final double SIZE_WEIGHT = 1;
    /** Words from which a line is as long as a headline gets credit for. */
    private static final int FULL_WORDS = 8;

    private static final double FORM_BONUS = 0.2;
    private static final double ABOUT_BONUS = 0.3;
    private static final double DISTANCE_COST = 0.02;

    private static final int HEADING_WORDS = 20;
    private static final int CONTENT_WORD_LENGTH = 4;
    /** The article's words are read from its start: the lead restates the headline. */
    private static final int ARTICLE_WORDS_FROM = 3000;

    private static final int MIN_LENGTH = 8;
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

    private static final Pattern COMMENTS = Pattern.compile(
            "(?iU)\\d+\\s+(comments?|kommentare?|thoughts|responses|replies|reactions|commentaires?|comentarios?)\\b.*");
    private static final Pattern MENU = Pattern.compile(".*(\\s[|•·»›]\\s.*){2,}|.*\\s[|]\\s.*");

    private PageHeadline() {}

    /**
     * @param scrapedText the page's visible text, one block per line
     * @param articleText the article found in it ({@link ScrapedTextCleaner#clean}), paragraphs apart by a blank line
     * @return the headline line, or empty when none stands where the article starts
     */
    public static Optional<String> of(String scrapedText, String articleText) {
        if (scrapedText == null || articleText == null || articleText.isBlank()) {
            return Optional.empty();
        }
        List<String> lines = PageLines.of(scrapedText);
        String first = articleText.strip().split("\n\n", 2)[0];
        int start = lines.indexOf(first);
        if (start < 0) {
            return Optional.empty();
        }
        // the words of the article after its first paragraph, which may be the headline itself
        String rest = articleText.strip().substring(first.length());
        Set<String> articleWords =
                contentWords(rest.length() > ARTICLE_WORDS_FROM ? rest.substring(0, ARTICLE_WORDS_FROM) : rest);
        String best = null;
        double bestScore = 0;
        for (int i = start; i >= Math.max(0, start - LOOK_BACK); i--) {
            String line = lines.get(i);
            if (!isHeadline(line) || isStandfirst(line) || (i == start && !isHeading(line))) {
                continue;
            }
            double score = score(line, articleWords) - DISTANCE_COST * (start - i);
            if (isAbout(lines, i + 1) || isAbout(lines, i + 2)) {
                // a byline or a date under it: how an article's headline stands
                score += ABOUT_BONUS;
            }
            if (score > bestScore) {
                best = line;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How much a heading line looks like this article's headline: the share of its words the article uses (a headline
     * names what the article is about; a menu item or a teaser of another story does not), its size and its form.
     */
    private static double score(String line, Set<String> articleWords) {
        Set<String> words = contentWords(line);
        double shared = 0;
        for (String word : words) {
            if (articleWords.contains(word)) {
                shared++;
            }
        }
        double overlap = words.isEmpty() ? 0 : shared / words.size();
        double size = Math.min(words(line), FULL_WORDS) / (double) FULL_WORDS;
        return BASE + overlap + SIZE_WEIGHT * size + (endsSentence(line) ? 0 : FORM_BONUS);
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
