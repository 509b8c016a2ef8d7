package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Caps how deep a page's elements nest. The extraction's passes look at each element's ancestors and subtree, so
 * their cost grows with the depth: a hostile page of 150,000 nested {@code <div>}s kept the enrichment busy for
 * many minutes. Browsers stop nesting at 512 levels too (Blink's parser attaches deeper elements at that level);
 * here an element at the limit keeps its text and loses the markup below it, which no real article has.
 */
final class NestingLimit {

    static final int MAX_DEPTH = 512;

    private NestingLimit() {}

    /** Flattens every element {@code maxDepth} levels below {@code root} to its text; iterative, so no deep stack. */
    static void apply(Element root, int maxDepth) {
        List<Element> atLimit = new ArrayList<>();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (depth >= maxDepth && node instanceof Element element) {
                            atLimit.add(element);
                            return FilterResult.SKIP_CHILDREN;
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                root);
        for (Element element : atLimit) {
            if (element.childrenSize() > 0) {
                String text = element.text();
                element.empty();
                element.appendText(text);
            }
        }
    }
}
