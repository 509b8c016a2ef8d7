package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public static final String VERSION = "scraped-text-1";

    private static final int DENSE_LINE = 70;
    private static final int SHORT_LINE = 25;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;\"'”’»)]$");
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

    /**
     * The article's lines of a scraped page, one paragraph per line, separated by a blank line.
     *
     * @param scrapedText the visible text, one block per line
     * @param title the page's title, or null
     */
    public String clean(String scrapedText, String title) {
        if (scrapedText == null || scrapedText.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : scrapedText.split("\\R")) {
            String collapsed = TextBlocks.collapse(line);
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        lines.forEach(line -> counts.merge(line, 1, Integer::sum));

        double[] scores = new double[lines.size()];
        boolean[] chrome = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            chrome[i] = isChrome(line, counts.get(line), title);
            scores[i] = chrome[i] ? -2 * DENSE_LINE : score(line);
        }
        int[] run = bestRun(scores, 0);
        int titleLine = titleLine(lines, title);
        if (titleLine > run[1]) {
            int[] afterTitle = bestRun(scores, titleLine + 1);
            if (sum(scores, afterTitle) >= TITLE_ANCHOR_SHARE * sum(scores, run)) {
                run = afterTitle;
            }
        }
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

    /** Positive for article-like lines (by their length), negative for menu-like ones. */
    private static double score(String line) {
        int length = line.length();
        boolean sentence = SENTENCE_END.matcher(line).matches() || line.contains(". ");
        if (length >= DENSE_LINE && sentence && words(line) >= 10) {
            return length;
        }
        if (length >= DENSE_LINE * 2 && words(line) >= 15) {
            return length / 2.0;
        }
        if (length < SHORT_LINE) {
            return -SHORT_LINE;
        }
        return sentence ? length / 4.0 : -length / 4.0;
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
        if (occurrences > 1 && line.length() < 100) {
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
        double best = 0;
        int[] run = {from, from - 1};
        double sum = 0;
        int start = from;
        for (int i = from; i < scores.length; i++) {
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

    private static int words(String line) {
        int count = 0;
        var matcher = WORD.matcher(line);
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
