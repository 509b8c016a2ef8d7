package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Reads the text of an element the way a reader sees it: lines at block boundaries and line breaks. */
final class TextBlocks {

    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "caption",
            "center",
            "dd",
            "details",
            "div",
            "dl",
            "dt",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tr",
            "td",
            "th",
            "ul");

    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private TextBlocks() {}

    /** The non-blank lines of an element, whitespace collapsed within each. */
    static List<String> lines(Element element) {
        StringBuilder out = new StringBuilder();
        append(element, out, Set.of());
        return split(out);
    }

    /** All the text of an element on one line. */
    static String flat(Element element) {
        return String.join(" ", lines(element));
    }

    /** All the text of a list item on one line, without the lists nested in it. */
    static String flatWithoutLists(Element element) {
        StringBuilder out = new StringBuilder();
        append(element, out, MainTextExtractor.LISTS);
        return String.join(" ", split(out));
    }

    /** The text before an element's first child element. */
    static String leadingText(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof Element) {
                break;
            }
            if (child instanceof TextNode text) {
                out.append(text.getWholeText());
            }
        }
        return collapse(out.toString());
    }

    /** The text right after an element, up to its next sibling element. */
    static String tail(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node next = element.nextSibling(); next != null && !(next instanceof Element); next = next.nextSibling()) {
            if (next instanceof TextNode text) {
                out.append(text.getWholeText());
            }
        }
        return collapse(out.toString());
    }

    /** One line per table row (of this table, not nested ones), cells separated by a bar. */
    static List<String> rows(Element table) {
        List<String> rows = new ArrayList<>();
        for (Element row : table.getElementsByTag("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    List<String> lines = lines(cell);
                    if (!lines.isEmpty()) {
                        cells.add(String.join(row.childrenSize() == 1 ? "\n" : " ", lines));
                    }
                }
            }
            if (cells.size() == 1) {
                rows.addAll(List.of(cells.getFirst().split("\n")));
            } else if (!cells.isEmpty()) {
                rows.add(String.join(" | ", cells));
            }
        }
        return rows;
    }

    static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Appends an element's text, a line break at each block boundary; iterative, as pages can nest deeply. */
    private static void append(Element root, StringBuilder out, Set<String> skipped) {
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.append(text.getWholeText().replace('\n', ' '));
                            return FilterResult.CONTINUE;
                        }
                        if (!(node instanceof Element element)) {
                            return FilterResult.CONTINUE;
                        }
                        String tag = element.normalName();
                        if (node != root && skipped.contains(tag)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (tag.equals("br") || BLOCKS.contains(tag)) {
                            out.append('\n');
                        } else if (tag.equals("td") || tag.equals("th")) {
                            out.append(' ');
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                            out.append('\n');
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                root);
    }

    private static List<String> split(StringBuilder out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            String collapsed = collapse(line);
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        return lines;
    }
}
