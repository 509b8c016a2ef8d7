package io.newsflow.enrich.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the article of a scraped page's visible text (one block per line, as a browser's {@code innerText} gives)
 * and drops the page chrome around and inside it: menus, "Breaking News" bars, video-player leftovers, image
 * captions, share, newsletter and cookie lines, copyright notices.
 *
 * <p>Each line is scored: sentence-like lines of some length count for the article, short lines and known chrome
 * against it. The article is the run of lines with the best total (so a few short lines inside it, such as
 * sub-headings, stay), less the lines that are chrome wherever they stand.
 *
 * <p>Stateless and thread-safe.
 */
public class ScrapedTextCleaner {

    /** Names these rules in the record of what produced an article's text. */
    public static final String VERSION = "scraped-text-2";

    private static final int DENSE_LINE = 70;
    private static final int SHORT_LINE = 25;
    /** What a short line (a menu item, a button) counts against the run it stands in. */
    private static final int SHORT_LINE_PENALTY = 35;

    private static final int CJK_WEIGHT = 3;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;\"'”’»)。！？」]$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** Lines that are chrome wherever they stand, whatever their length. */
    private static final Pattern CHROME = Pattern.compile("(?iU)("
            + "breaking news|advertisement|anzeige|sponsored( content)?|publicidad|werbung"
            + "|please wait|loading\\.*|bitte warten|wird geladen"
            + "|\\d{1,2}:\\d{2}(:\\d{2})?( / | )?(\\d{1,2}:\\d{2}(:\\d{2})?\\s*)*"
            + "|\\d+x\\d+ image|image \\d+ (of|/) \\d+|\\d+ (of|/) \\d+|photo|video|play video|watch( now| video)?"
            + "|skip to (main )?content|jump to navigation|menu|search|home|close|back to top|top"
            + "|(read|see|show|load|view) (more|all|less)( \\w+){0,3}"
            + "|share( this| on| via)?( \\w+){0,3}|tweet|email|e-mail|print|comments?( \\(\\d+\\))?"
            + "|\\d+ comments?|facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|copy link"
            + "|sign (in|up)|log ?in|log ?out|register|subscribe( now)?|follow us( on \\w+)?"
            + ")[\\s.:!|›»>]*");
    /** Short lines with these words are footers, newsletter boxes, cookie banners and captions. */
    private static final Pattern SHORT_CHROME = Pattern.compile("(?iU).*("
            + "newsletter|subscribe|sign up|cookie|privacy (policy|settings)|terms of (use|service)"
            + "|all rights reserved|©|\\(c\\) \\d{4}|copyright|may not be (published|reproduced|redistributed)"
            + "|(photo|image|picture|foto|bild)( credit)?s?:|getty images|ap photo|reuters/|shutterstock"
            + "|/ ?(afp|ap|dpa|reuters|getty)|follow (us|@)|share (this|on)|related (articles|stories|posts)"
            + "|more (stories|news|from)|recommended|most (read|popular|viewed)|trending|you may also like"
            + "|read more|click here|contributed to this report|reporting by|editing by"
            + ").*");

    private static final int SHORT_CHROME_LENGTH = 200;
    /**
     * Image captions and credits: a gallery counter ("1of4", "2 / 12"), a bullet naming an image ("• 16x9 Image"),
     * "Image caption", "Media caption", "Image copyright", a credit in parentheses or after a slash.
     */
    private static final Pattern CAPTION = Pattern.compile("(?iU)("
            + "\\d+\\s*(of|/)\\s*\\d+\\s*\\p{Lu}.*|[•·▪►▶]\\s*.{0,40}\\b(image|photo|video|picture|gallery)s?\\b.{0,20}"
            + "|(image|media|video|photo) ?(caption|copyright|credit|source).*|(credit|source|courtesy)s?:.{0,120}"
            + "|.{0,160}\\((photo|image|picture|credit)s?( by|:)? .{0,80}\\)|.{0,200}\\b(photo|image)s?: [^.]{0,80}"
            + "|\\(?(photo|image|picture|video)s? (by|via|courtesy of) .{0,80}\\)?"
            + "|(watch|read more|read also|more|related|see also|listen|photos|video|gallery|opinion|live|recommended)\\s?:.{0,200}"
            + "|(lea|lee|mira|mirá|ver|vea|véase|lire aussi|à lire aussi|voir aussi|lesen sie auch|auch interessant"
            + "|mehr zum thema|weitere nachrichten( zu)?|siehe auch|leia também|veja também|leggi anche|mirá también"
            + "|lea también|lee también|te puede interesar)\\s?:?.{0,200}"
            + "|>>.{0,200}<<|»».{0,200}"
            + ")");
    /**
     * A dateline of the page ("PUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: ..."), or a teaser of another story cut
     * short ("Plague of mosquitos to devastate Britain as Hurri...").
     */
    private static final Pattern DATELINE_OR_CUT_TEASER = Pattern.compile("(?iU)("
            + "(published|updated|posted|last updated|veröffentlicht|aktualisiert)( on| am)?:? .{0,40}\\d{4}.{0,80}"
            + "|[^.!?]{10,120}(\\.\\.\\.|…)"
            + ")");
    /** "Jane Doe is a staff writer at ...": the author's note under the article, not the article. */
    private static final Pattern AUTHOR_BIO = Pattern.compile("(?U)\\p{Lu}[\\p{L}.'-]+( \\p{Lu}[\\p{L}.'-]+){1,3}"
            + "( \\([^)]{1,40}\\))? (is|was) (a|an|the) [^.]{0,80}\\b(writer|reporter|editor|correspondent|contributor"
            + "|journalist|author|columnist|producer|freelancer|publisher|host)\\b.*");
    /**
     * Lines after which an article does not go on: the heading of its comments. (A "Related stories" box may stand
     * inside an article, so it is dropped as chrome but does not end it.)
     */
    private static final Pattern ARTICLE_END = Pattern.compile("(?iU)\\W*("
            + "share your thoughts.{0,40}|(\\d+ )?(comments?|responses?|replies)( \\(\\d+\\))?|leave a (reply|comment)"
            + "|join the (discussion|conversation)|post a comment|add (a )?comment|.{1,80} (says|said|wrote):"
            + "|about the author|(\\d+ )?kommentare?( \\(\\d+\\))?|schreibe einen kommentar|commentaires?"
            + "|laisser un commentaire|comentarios?|deja un comentario"
            + "|\\d+ (antworten|kommentare|comentarios|commentaires|réponses|risposte|reacties)( (zu|a|à|sur|on) .{0,200})?"
            + "|\\d+ (thoughts|responses|replies|comments) (on|to) .{0,200}|we ask that comments .{0,300}"
            + ")\\W*");
    /** What of the article (in score) must come before a line may end it. */
    private static final double ARTICLE_BEFORE_END = 300;
    /** A short line inside the article stays only as the heading of the paragraph after it. */
    private static final int HEADING_LENGTH = 150;
    /** Paragraphs of any length that are cookie banners, disclaimers or copyright notices. */
    private static final Pattern LONG_CHROME = Pattern.compile("(?iU).*("
            + "(uses?|use of|accept|consent to|store) (the )?cookies|cookies? (policy|settings|are used)"
            + "|this (web)?site uses|by (continuing|using) (to use )?(this|our) (web)?site"
            + "|information (provided )?on this (web)?site|all rights reserved|may not be (re)?published"
            + "|without (the )?(prior )?written permission|verwendet cookies|utiliza cookies|utilise des cookies"
            + ").*");
    /** When the best run of lines ends before the headline, the best run after it is the article unless it is this much smaller. */
    private static final double TITLE_ANCHOR_SHARE = 0.2;
    /** Lines of chrome (a picture, share buttons) that may stand between two parts of one article. */
    private static final int ARTICLE_GAP = 20;

    /**
     * The article's lines of a scraped page, one paragraph per line, separated by a blank line.
     *
     * @param scrapedText the visible text, one block per line
     * @param title the page's title, or null
     */
    public String clean(String scrapedText, String title) {
        return clean(scrapedText, title, Set.of());
    }

    /**
     * The article's lines of a scraped page, less the lines its source is known to repeat on its other pages.
     *
     * @param scrapedText the visible text, one block per line
     * @param title the page's title, or null
     * @param sourceChrome the {@link PageLines#key keys} of the lines the page's source repeats on its pages (its
     *     standing chrome, from {@link SourceChrome}), empty when none are known
     */
    public String clean(String scrapedText, String title, Set<Long> sourceChrome) {
        if (scrapedText == null || scrapedText.isBlank()) {
            return "";
        }
        List<String> lines = PageLines.of(scrapedText);
        Map<String, Integer> counts = new HashMap<>();
        lines.forEach(line -> counts.merge(line, 1, Integer::sum));

        double[] scores = new double[lines.size()];
        boolean[] chrome = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            chrome[i] = isChrome(line, counts.get(line), title)
                    || (!sourceChrome.isEmpty() && sourceChrome.contains(PageLines.key(line)));
            scores[i] = chrome[i] ? -2 * DENSE_LINE : score(line);
        }
        int[] run = bestRun(scores, 0);
        int titleLine = titleLine(lines, title);
        if (titleLine > run[1]) {
            int[] afterTitle = bestRun(scores, titleLine + 1);
            if (sum(scores, afterTitle) >= TITLE_ANCHOR_SHARE * sum(scores, run)) {
                run = afterTitle;
            }
        } else if (titleLine >= 0 && titleLine < run[0]) {
            // the article follows its headline: a bigger block further down is comments or a list of other stories,
            // unless it follows closely
            int[] near = bestRun(scores, titleLine + 1, run[0]);
            if (near[1] >= near[0] && sum(scores, near) >= TITLE_ANCHOR_SHARE * sum(scores, run)) {
                run = run[0] - near[1] <= ARTICLE_GAP ? new int[] {near[0], run[1]} : near;
            }
        } else if (titleLine >= run[0]) {
            // the headline starts the article: what stands before it in the run is a list of other stories
            int[] afterTitle = bestRun(scores, titleLine + 1);
            if (afterTitle[0] <= run[1]) {
                run = new int[] {afterTitle[0], run[1]};
            }
        }
        run[1] = articleEnd(lines, scores, run);
        StringBuilder text = new StringBuilder();
        for (int i = run[0]; i <= run[1]; i++) {
            boolean heading = i < run[1] && scores[i + 1] > 0 && lines.get(i).length() <= HEADING_LENGTH;
            if (!chrome[i] && words(lines.get(i)) >= 2 && (scores[i] > 0 || heading)) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(lines.get(i));
            }
        }
        return text.toString();
    }

    /**
     * The last line of the article in the run: the run ends before the first line that closes an article (share
     * buttons, comments, related stories) once some of the article has been read.
     */
    private static int articleEnd(List<String> lines, double[] scores, int[] run) {
        double read = 0;
        for (int i = run[0]; i <= run[1]; i++) {
            if (read >= ARTICLE_BEFORE_END && ARTICLE_END.matcher(lines.get(i)).matches()) {
                return i - 1;
            }
            read += Math.max(0, scores[i]);
        }
        return run[1];
    }

    /** Positive for article-like lines (by their length), negative for menu-like ones. */
    private static double score(String line) {
        int length = length(line);
        boolean sentence = SENTENCE_END.matcher(line).matches() || line.contains(". ") || line.contains("。");
        if (length >= DENSE_LINE && sentence && words(line) >= 10) {
            return length;
        }
        if (length >= DENSE_LINE * 2 && words(line) >= 15) {
            return length / 2.0;
        }
        if (length < SHORT_LINE) {
            return -SHORT_LINE_PENALTY;
        }
        // a line of some length that is not a sentence (a caption, a list item) weighs little either way
        return sentence ? length / 4.0 : -length / 8.0;
    }

    /** A line that is page chrome wherever it stands (a menu item, a caption, a credit, a teaser). */
    static boolean isChromeLine(String line) {
        return isChrome(line, 1, null);
    }

    private static boolean isChrome(String line, int occurrences, String title) {
        if (CHROME.matcher(line).matches() || BoilerplateLines.isBoilerplate(line)) {
            return true;
        }
        if (line.length() < SHORT_CHROME_LENGTH && SHORT_CHROME.matcher(line).matches()) {
            return true;
        }
        if (LONG_CHROME.matcher(line).matches()) {
            return true;
        }
        if (occurrences > 1) {
            // said twice on one page: a caption under a gallery and its picture, a teaser and its story
            return true;
        }
        if (CAPTION.matcher(line).matches()
                || AUTHOR_BIO.matcher(line).matches()
                || DATELINE_OR_CUT_TEASER.matcher(line).matches()) {
            return true;
        }
        return title != null && !title.isBlank() && title.contains(line) && line.length() < title.length() + 1;
    }

    /**
     * The line that repeats the page's title (its headline), where the article usually starts; -1 when none does.
     * Titles often end in the site's name, so a line that is most of the title counts too.
     */
    private static int titleLine(List<String> lines, String title) {
        if (title == null || title.isBlank()) {
            return -1;
        }
        String wanted = TextBlocks.collapse(title).toLowerCase();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).toLowerCase();
            if (line.length() >= 20
                    && (line.equals(wanted) || (wanted.startsWith(line) && line.length() * 2 >= wanted.length()))) {
                return i;
            }
        }
        return -1;
    }

    private static double sum(double[] scores, int[] run) {
        double sum = 0;
        for (int i = run[0]; i <= run[1]; i++) {
            sum += scores[i];
        }
        return sum;
    }

    /** The maximum-sum run of lines from {@code from} on, {@code {first, last}}; empty as {@code {from, from - 1}}. */
    private static int[] bestRun(double[] scores, int from) {
        return bestRun(scores, from, scores.length);
    }

    /** The maximum-sum run of lines in {@code [from, to)}, {@code {first, last}}; empty as {@code {from, from - 1}}. */
    private static int[] bestRun(double[] scores, int from, int to) {
        double best = 0;
        int[] run = {from, from - 1};
        double sum = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            if (sum <= 0) {
                sum = 0;
                start = i;
            }
            sum += scores[i];
            if (sum > best) {
                best = sum;
                run = new int[] {start, i};
            }
        }
        return run;
    }

    /**
     * A line's length as if written in a spaced script: a Chinese, Japanese or Korean character says about as much
     * as a word, so it counts {@value #CJK_WEIGHT} times.
     */
    private static int length(String line) {
        return line.length() + (CJK_WEIGHT - 1) * cjk(line);
    }

    /** Words, a Chinese, Japanese or Korean character counting as half a word. */
    private static int words(String line) {
        int count = 0;
        var matcher = WORD.matcher(line);
        while (matcher.find()) {
            count++;
        }
        int cjk = cjk(line);
        return cjk == 0 ? count : count + cjk / 2;
    }

    private static int cjk(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(line.charAt(i));
            if (script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HANGUL) {
                count++;
            }
        }
        return count;
    }
}
