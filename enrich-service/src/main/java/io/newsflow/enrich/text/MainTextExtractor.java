package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the main text of an article page: paragraphs, headings and list items, without navigation, comments,
 * related links, sharing and newsletter blocks or image captions.
 *
 * <p>The approach is trafilatura's (Adrien Barbaresi, https://github.com/adbar/trafilatura, Apache-2.0,
 * {@code main_extractor.py} and {@code htmlprocessing.py}), re-implemented on jsoup: drop tags that never hold
 * article text, take the first container that the class and id patterns of {@link ContentRules} name as the
 * article, prune page chrome and link-heavy blocks inside it, and read its paragraphs. When that finds too little,
 * paragraphs anywhere on the pruned page are read instead, and a readability-style scoring of the whole page
 * ({@link ReadabilityFallback}) replaces the result when it finds clearly more.
 *
 * <p>Stateless and thread-safe.
 */
public class MainTextExtractor {

    /** Names this extractor's rules in the record of what produced an article's text. */
    public static final String VERSION = "main-text-1";

    /** Below this many characters an extraction is suspect and the fallbacks are tried. */
    static final int MIN_EXTRACTED_SIZE = 250;

    private static final Set<String> REMOVED = Set.of(
            "aside",
            "embed",
            "footer",
            "form",
            "head",
            "iframe",
            "menu",
            "object",
            "script",
            "applet",
            "audio",
            "canvas",
            "figure",
            "map",
            "picture",
            "svg",
            "video",
            "area",
            "blink",
            "button",
            "datalist",
            "dialog",
            "frame",
            "frameset",
            "fieldset",
            "link",
            "input",
            "ins",
            "label",
            "legend",
            "marquee",
            "math",
            "menuitem",
            "nav",
            "noscript",
            "optgroup",
            "option",
            "output",
            "param",
            "progress",
            "rp",
            "rt",
            "rtc",
            "select",
            "source",
            "style",
            "track",
            "textarea",
            "time",
            "use");
    /** Removed unless they wrap the article, see {@link #wrapsArticle}. */
    static final Set<String> WRAPPERS = Set.of("form", "aside", "noscript");

    private static final Set<String> UNWRAPPED = Set.of(
            "abbr",
            "acronym",
            "address",
            "bdi",
            "bdo",
            "big",
            "cite",
            "data",
            "dfn",
            "font",
            "hgroup",
            "img",
            "mark",
            "meta",
            "ruby",
            "small",
            "tbody",
            "template",
            "tfoot",
            "thead",
            "em",
            "i",
            "b",
            "strong",
            "u",
            "kbd",
            "samp",
            "tt",
            "var",
            "sub",
            "sup");
    private static final Set<String> CUT_EMPTY = Set.of(
            "article",
            "b",
            "blockquote",
            "dd",
            "div",
            "dt",
            "em",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "i",
            "li",
            "main",
            "p",
            "pre",
            "q",
            "section",
            "span",
            "strong");
    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "summary");
    static final Set<String> LISTS = Set.of("ul", "ol", "dl");
    static final Set<String> ITEMS = Set.of("li", "dd", "dt");
    private static final Set<String> QUOTES = Set.of("blockquote", "pre", "q");
    private static final Set<String> WILD = Set.of("blockquote", "code", "p", "pre", "q", "table");
    private static final Set<String> LINK_CONTAINERS = Set.of("div", "ul", "table");

    /** Paragraphs that are only a share button or a "more on this" link. */
    private static final Pattern SHARE_LINE = Pattern.compile(
            "\\W*(Drucken|E-?Mail|Facebook|Flipboard|Google|Instagram|Linkedin|Mail|PDF|Pinterest|Pocket|Print|QQ"
                    + "|Reddit|Twitter|WeChat|WeiBo|Whatsapp|Xing|Mehr zum Thema:?|More on this.{0,8})$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    /** A standfirst is a sentence: it ends like one, not in a date or a cut-off "...". */
    private static final Pattern LEDE_END = Pattern.compile("[.!?\"”»]\\s*$", Pattern.UNICODE_CHARACTER_CLASS);

    private final ReadabilityFallback readability = new ReadabilityFallback();

    /**
     * The main text of a page, paragraphs separated by a blank line; empty when the page has none.
     *
     * @param html the page
     * @param baseUrl the page's address, may be null
     */
    public String extract(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document page = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        NestingLimit.apply(page, NestingLimit.MAX_DEPTH);
        Document raw = page.clone();
        Element root = page.body();
        clean(root);
        Element backup = root.clone();

        Extraction own = extractFromContainers(root);
        if (own.length() < MIN_EXTRACTED_SIZE) {
            own.addAll(extractWild(backup, own));
        }
        Extraction fallback = new Extraction();
        readability.extract(raw).forEach(paragraph -> fallback.add(Kind.PARAGRAPH, paragraph));
        return preferFallback(own, own.length(), fallback.length()) ? fallback.text() : own.text();
    }

    private static boolean preferFallback(Extraction own, int ownLength, int fallbackLength) {
        if (fallbackLength == 0 || fallbackLength == ownLength || ownLength > 2 * fallbackLength) {
            return false;
        }
        return ownLength == 0
                || fallbackLength > 2 * ownLength
                || (fallbackLength > 2 * MIN_EXTRACTED_SIZE && (own.paragraphs == 0 || own.rows > own.paragraphs));
    }

    /** Drops tags that never hold article text, unwraps inline formatting, and the first comment section. */
    private static void clean(Element root) {
        for (Element element : root.getAllElements()) {
            if (element == root) {
                continue;
            }
            String tag = element.normalName();
            if (WRAPPERS.contains(tag) && wrapsArticle(element)) {
                element.unwrap();
            } else if (REMOVED.contains(tag)) {
                element.remove();
            } else if (UNWRAPPED.contains(tag)) {
                element.unwrap();
            } else if (tag.equals("a") && !insideLinkContainer(element)) {
                element.unwrap();
            }
        }
        for (Element element : root.getAllElements()) {
            if (element != root && CUT_EMPTY.contains(element.normalName()) && element.childNodeSize() == 0) {
                element.remove();
            }
        }
        for (AttributeRules comments : ContentRules.COMMENTS) {
            Element section = first(root, comments);
            if (section != null && section.hasText() && first(section, ContentRules.BODY.getFirst()) == null) {
                section.remove();
                break;
            }
        }
    }

    /**
     * Some sites put the whole page in one form, the article in an aside, or the text for readers without scripts
     * in a noscript: such a wrapper holds the article's container or its paragraphs, a search box or a sidebar does
     * not.
     */
    static boolean wrapsArticle(Element wrapper) {
        if (!wrapper.getElementsByTag("article").isEmpty() || first(wrapper, ContentRules.BODY.getFirst()) != null) {
            return true;
        }
        return !wrapper.normalName().equals("aside") && paragraphTextLength(wrapper) >= MIN_EXTRACTED_SIZE;
    }

    private static boolean insideLinkContainer(Element link) {
        for (Element parent = link.parent(); parent != null; parent = parent.parent()) {
            if (LINK_CONTAINERS.contains(parent.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static Extraction extractFromContainers(Element root) {
        Extraction result = new Extraction();
        Set<Element> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AttributeRules container : ContentRules.BODY) {
            Element subtree = first(root, container);
            if (subtree == null) {
                continue;
            }
            Element lede = lede(subtree);
            subtree = prune(subtree);
            if (subtree.childrenSize() == 0) {
                continue;
            }
            if (lede != null && result.blocks.isEmpty()) {
                result.add(Kind.PARAGRAPH, TextBlocks.flat(lede));
                done.addAll(lede.getAllElements());
            }
            boolean divs = paragraphTextLength(subtree) < MIN_EXTRACTED_SIZE * 3;
            unwrapLinksAndSpans(subtree);
            if (divs) {
                result.add(Kind.PARAGRAPH, TextBlocks.leadingText(subtree));
            }
            for (Element element : subtree.getAllElements()) {
                if (element != subtree && !done.contains(element)) {
                    handle(element, divs, done, result);
                }
            }
            result.dropTrailingHeadings();
            if (result.blocks.size() > 1) {
                break;
            }
        }
        return result;
    }

    /**
     * The standfirst of an article, when the page keeps it in a header just before the container of the text: the
     * nearest element before the container (or before one of its two nearest ancestors) named like a lede.
     */
    private static Element lede(Element container) {
        Element anchor = container;
        for (int level = 0; level < 3 && anchor != null; level++, anchor = anchor.parent()) {
            for (Element sibling = anchor.previousElementSibling();
                    sibling != null;
                    sibling = sibling.previousElementSibling()) {
                for (Element candidate : sibling.getAllElements()) {
                    if (ContentRules.LEDE.matches(candidate) && isLede(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isLede(Element candidate) {
        String text = candidate.text();
        return text.length() >= 40
                && text.length() <= 1000
                && LEDE_END.matcher(text).find()
                && !text.endsWith("...")
                && ReadabilityFallback.linkDensity(candidate) < 0.2;
    }

    /** Paragraphs anywhere on the pruned page, for pages whose article container was not found. */
    private static Extraction extractWild(Element backup, Extraction found) {
        Element root = prune(backup);
        unwrapLinksAndSpans(root);
        Extraction wild = new Extraction();
        Set<Element> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element element : root.getAllElements()) {
            if (WILD.contains(element.normalName()) && !done.contains(element)) {
                handle(element, false, done, wild);
            }
        }
        wild.blocks.removeIf(block -> found.contains(block.text()));
        return wild;
    }

    private static void handle(Element element, boolean divs, Set<Element> done, Extraction out) {
        String tag = element.normalName();
        if (tag.equals("p")) {
            out.add(Kind.PARAGRAPH, String.join("\n", TextBlocks.lines(element)));
        } else if (tag.equals("h1")) {
            // the page's title: kept apart from its text
            done.addAll(element.getAllElements());
            return;
        } else if (HEADINGS.contains(tag)) {
            out.add(Kind.HEADING, TextBlocks.flat(element));
        } else if (LISTS.contains(tag)) {
            String leading = TextBlocks.leadingText(element);
            out.add(Kind.ITEM, leading);
            for (Element item : element.getAllElements()) {
                if (ITEMS.contains(item.normalName())) {
                    out.add(Kind.ITEM, TextBlocks.flatWithoutLists(item));
                }
            }
        } else if (QUOTES.contains(tag) || tag.equals("code")) {
            for (String line : TextBlocks.lines(element)) {
                out.add(Kind.QUOTE, line);
            }
        } else if (tag.equals("table")) {
            for (String row : TextBlocks.rows(element)) {
                out.add(Kind.ROW, row);
            }
        } else if (tag.equals("br") || tag.equals("hr")) {
            out.add(Kind.PARAGRAPH, TextBlocks.tail(element));
            return;
        } else if (tag.equals("div") && divs) {
            String own = TextBlocks.leadingText(element);
            if (!own.isBlank()) {
                out.add(Kind.PARAGRAPH, own);
                out.add(Kind.PARAGRAPH, TextBlocks.tail(element));
            }
            return;
        } else {
            return;
        }
        done.addAll(element.getAllElements());
        out.add(Kind.PARAGRAPH, TextBlocks.tail(element));
    }

    /** Removes page chrome and link-heavy blocks from a container; keeps it whole if that would leave too little. */
    static Element prune(Element subtree) {
        int before = subtree.text().length();
        Element backup = subtree.clone();
        removeMatching(subtree, ContentRules.CHROME);
        removeMatching(subtree, ContentRules.HIDDEN);
        if (subtree.text().length() <= before / 7) {
            subtree.replaceWith(backup);
            subtree = backup;
        }
        removeMatching(subtree, ContentRules.CAPTIONS);
        removeMatching(subtree, ContentRules.TEASERS);
        for (int pass = 0; pass < 2; pass++) {
            LinkDensity.prune(subtree, Set.of("div"), true);
            LinkDensity.prune(subtree, LISTS, false);
            LinkDensity.prune(subtree, Set.of("p"), false);
        }
        for (Element table : subtree.getElementsByTag("table")) {
            if (LinkDensity.linkHeavyTable(table)) {
                table.remove();
            }
        }
        return subtree;
    }

    private static void removeMatching(Element subtree, AttributeRules rules) {
        for (Element element : subtree.getAllElements()) {
            if (element != subtree && rules.matches(element)) {
                element.remove();
            }
        }
    }

    private static Element first(Element root, AttributeRules rules) {
        for (Element element : root.getAllElements()) {
            if (rules.matches(element)) {
                return element;
            }
        }
        return null;
    }

    private static int paragraphTextLength(Element subtree) {
        int length = 0;
        for (Element paragraph : subtree.getElementsByTag("p")) {
            length += paragraph.text().length();
        }
        return length;
    }

    private static void unwrapLinksAndSpans(Element subtree) {
        for (Element element : subtree.getAllElements()) {
            if (element != subtree
                    && (element.normalName().equals("a") || element.normalName().equals("span"))) {
                element.unwrap();
            }
        }
    }

    enum Kind {
        PARAGRAPH,
        HEADING,
        ITEM,
        QUOTE,
        ROW
    }

    record Block(Kind kind, String text) {}

    /** The blocks read so far, in page order. */
    static final class Extraction {

        final List<Block> blocks = new ArrayList<>();
        int paragraphs;
        int rows;

        void add(Kind kind, String text) {
            if (text == null || text.isBlank() || isShareLine(text) || BoilerplateLines.isBoilerplate(text.strip())) {
                return;
            }
            blocks.add(new Block(kind, text.strip()));
            if (kind == Kind.PARAGRAPH) {
                paragraphs++;
            } else if (kind == Kind.ROW) {
                rows++;
            }
        }

        void addAll(Extraction other) {
            for (Block block : other.blocks) {
                add(block.kind(), block.text());
            }
        }

        boolean contains(String text) {
            return blocks.stream().anyMatch(block -> block.text().equals(text));
        }

        void dropTrailingHeadings() {
            while (!blocks.isEmpty() && blocks.getLast().kind() == Kind.HEADING) {
                blocks.removeLast();
            }
        }

        int length() {
            return blocks.stream().mapToInt(block -> block.text().length() + 1).sum();
        }

        String text() {
            StringBuilder text = new StringBuilder();
            for (Block block : blocks) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(block.text());
            }
            return text.toString();
        }

        private static boolean isShareLine(String text) {
            for (String line : text.split("\n")) {
                if (SHARE_LINE.matcher(line.strip()).matches()) {
                    return true;
                }
            }
            return false;
        }
    }
}
