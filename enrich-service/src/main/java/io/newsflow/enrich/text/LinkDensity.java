package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Blocks made mostly of links are menus, tag lists and "read more" boxes. Thresholds after trafilatura's
 * {@code link_density_test} (Apache-2.0).
 */
final class LinkDensity {

    private static final int SHORT_LINK = 10;

    private LinkDensity() {}

    /** Removes the link-heavy elements with one of these tags; with backtracking, also short runs of links. */
    static void prune(Element subtree, Set<String> tags, boolean backtracking) {
        List<Element> deletions = new ArrayList<>();
        for (Element element : subtree.getAllElements()) {
            if (element == subtree || !tags.contains(element.normalName())) {
                continue;
            }
            List<Element> links = element.getElementsByTag("a");
            if (links.isEmpty()) {
                continue;
            }
            String text = element.text();
            boolean paragraph = element.normalName().equals("p");
            boolean last = element.nextElementSibling() == null;
            int limit = paragraph ? (last ? 60 : 30) : (last ? 300 : 100);
            if (text.length() >= limit) {
                continue;
            }
            if (linkHeavy(text, links)) {
                deletions.add(element);
            } else if (backtracking && !text.isEmpty() && text.length() < 100 && element.childrenSize() >= 3) {
                deletions.addAll(element.children());
            }
        }
        deletions.forEach(Element::remove);
    }

    static boolean linkHeavyTable(Element table) {
        List<Element> links = table.getElementsByTag("a");
        if (links.isEmpty()) {
            return false;
        }
        int length = table.text().length();
        if (length <= 250) {
            return false;
        }
        int linkLength = 0;
        int count = 0;
        for (Element link : links) {
            String text = link.text();
            if (!text.isEmpty()) {
                linkLength += text.length();
                count++;
            }
        }
        if (count == 0) {
            return true;
        }
        return length < 1000 ? linkLength > 0.8 * length : linkLength > 0.5 * length;
    }

    private static boolean linkHeavy(String text, List<Element> links) {
        int linkLength = 0;
        int count = 0;
        int shortLinks = 0;
        for (Element link : links) {
            String linkText = link.text();
            if (linkText.isEmpty()) {
                continue;
            }
            count++;
            linkLength += linkText.length();
            if (linkText.length() < SHORT_LINK) {
                shortLinks++;
            }
        }
        if (count == 0) {
            return true;
        }
        return linkLength > 0.8 * text.length() || (count > 1 && (double) shortLinks / count > 0.8);
    }
}
