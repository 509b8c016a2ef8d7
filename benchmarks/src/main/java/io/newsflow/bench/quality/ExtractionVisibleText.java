package io.newsflow.bench.quality;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The visible text of a page as a scraper gets it from a browser's {@code innerText}: one line per block element,
 * table cells separated by tabs, nothing from scripts, styles or hidden elements.
 */
final class ExtractionVisibleText {

    private static final Set<String> INVISIBLE = Set.of(
            "head",
            "script",
            "style",
            "noscript",
            "template",
            "iframe",
            "svg",
            "object",
            "select",
            "datalist",
            "title");
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
            "dialog",
            "div",
            "dl",
            "dt",
            "fieldset",
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
            "hgroup",
            "hr",
            "li",
            "main",
            "menu",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "thead",
            "tfoot",
            "tr",
            "ul",
            "legend",
            "option");
    private static final Set<String> CELLS = Set.of("td", "th");

    private ExtractionVisibleText() {}

    static String of(Element body) {
        StringBuilder out = new StringBuilder();
        append(body, out);
        StringBuilder lines = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.append(trimmed).append('\n');
            }
        }
        return lines.toString();
    }

    private static void append(Element body, StringBuilder out) {
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            String value = text.getWholeText().replaceAll("\\s+", " ");
                            if (!value.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != ' ')) {
                                out.append(value);
                            }
                            return FilterResult.CONTINUE;
                        }
                        if (!(node instanceof Element element)) {
                            return FilterResult.CONTINUE;
                        }
                        if (hidden(element)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        String tag = element.normalName();
                        if (tag.equals("br") || BLOCKS.contains(tag)) {
                            out.append('\n');
                        } else if (CELLS.contains(tag)) {
                            out.append('\t');
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
                body);
    }

    private static boolean hidden(Element element) {
        if (INVISIBLE.contains(element.normalName()) || element.hasAttr("hidden")) {
            return true;
        }
        String style = element.attr("style").replace(" ", "").toLowerCase();
        return style.contains("display:none") || style.contains("visibility:hidden");
    }
}
