package io.newsflow.enrich.text;

import java.util.regex.Pattern;

/**
 * Short paragraphs that point elsewhere rather than tell the story ("Read more: ...", "Lesen Sie auch", "Le puede
 * interesar") or that are what is left of a comment, subscription or image box, in the languages news is written
 * in most.
 */
final class BoilerplateLines {

    /** Longer paragraphs are text, whatever they start with. */
    private static final int MAX_LENGTH = 200;

    private static final Pattern POINTER = Pattern.compile("(?iU)\\W*("
            + "read (more|also|next)|see also|related( (articles?|stories|posts|content))?|more on this"
            + "|recommended|you may also like|sign up|subscribe|click here|explore further|more from"
            + "|more stories|about the author|ähnliche (beiträge|artikel)|über den autor|top themen|mehr aus"
            + "|lesen sie (auch|mehr)|lies auch|mehr zum thema|mehr themen|zum weiterlesen|weitere beiträge"
            + "|auch interessant|das könnte sie( auch)? interessieren|weiterlesen|zum artikel|jetzt abonnieren"
            + "|à lire aussi|lire aussi|voir aussi|lea también|le puede interesar|puedes ver|te puede interesar"
            + "|ver también|leia também|veja também|leggi anche|czytaj (też|także)|zobacz (też|także)"
            + "|follow us|síguenos|siguenos|folgen sie uns|folge uns|empfohlene (beiträge|artikel)|abonniere"
            + "|abonnieren sie|newsletter|get the .{0,40}(daily|weekly) edition|letzte änderung|zuletzt aktualisiert"
            + "|last (updated|modified)"
            + ")\\b.*");

    /** Image credits and captions: "Photo: ...", "Titelbild: ...". */
    private static final Pattern CREDIT =
            Pattern.compile("(?iU)\\W*(titelbild|bildquelle|fotos?|photos?|images?|credits?|bild)\\s*:.*");

    private static final Pattern LEFTOVER = Pattern.compile("(?iU)\\W*("
            + "(\\d+ )?(comments?|kommentare?|commentaires?|comentarios?)( \\(\\d+\\))?"
            + "|keine kommentare|no comments|view comments|show comments|leave a (comment|reply)"
            + "|kommentar schreiben|beitragsbild|bild(quelle)?|foto|photo|image|advertisement|anzeige|werbung"
            + "|zurück( zur (übersicht|listenansicht|startseite))?|back to top|nach oben|drucken|teilen|share"
            + ")\\W*");

    /** A date line: when the story was published or updated, not part of it. */
    private static final Pattern DATE =
            Pattern.compile("(?iU)\\W*((published|updated|posted|veröffentlicht|aktualisiert)"
                    + "( am| on)?:? )?(\\p{L}+,? )?(\\d{1,2}[./-] ?\\d{1,2}[./-] ?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}"
                    + "|\\d{1,2}\\.? \\p{L}+\\.? \\d{4}|\\p{L}+\\.? \\d{1,2},? \\d{4})"
                    + "(,? (at |um )?\\d{1,2}[:.]\\d{2}( ?[ap]\\.?m\\.?| uhr)?)?\\W*");

    private BoilerplateLines() {}

    static boolean isBoilerplate(String paragraph) {
        if (paragraph.length() > MAX_LENGTH) {
            return false;
        }
        return DATE.matcher(paragraph).matches()
                || POINTER.matcher(paragraph).matches()
                || CREDIT.matcher(paragraph).matches()
                || LEFTOVER.matcher(paragraph).matches();
    }
}
