package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The safety net of {@link MainTextExtractor}: a readability-style extraction that needs no knowledge of class
 * names. Paragraphs score their ancestors by length and commas, the best-scored container wins with those siblings
 * that score nearly as well, and link-heavy or list-heavy blocks are dropped from it. The scoring follows Mozilla's
 * Readability.js (Apache-2.0), as trafilatura uses readability-lxml for the same purpose.
 */
final class ReadabilityFallback {

    private static final int MIN_PARAGRAPH = 25;
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header"
                    + "|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor"
                    + "|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE =
            Pattern.compile("and|article|body|column|content|main|mathjax|shadow", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta"
                    + "|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNLIKELY_ROLES =
            Set.of("menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");
    private static final Set<String> NOISE = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "iframe",
            "object",
            "embed",
            "link",
            "input",
            "textarea",
            "select",
            "button",
            "nav",
            "aside",
            "footer",
            "form",
            "figure",
            "picture",
            "video",
            "audio",
            "time",
            "label",
            "fieldset",
            "canvas",
            "h1");
    private static final Set<String> SCORED = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    private static final Set<String> BLOCK_CHILDREN = Set.of(
            "blockquote",
            "dl",
            "div",
            "img",
            "ol",
            "p",
            "pre",
            "table",
            "ul",
            "section",
            "article",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6");
    private static final Set<String> CONDITIONAL = Set.of("table", "ul", "ol", "div", "section");

    /** The paragraphs of the main text by readability scoring; empty when nothing scores. */
    List<String> extract(Document page) {
        Element body = page.body();
        removeUnlikely(body);
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element element : body.getAllElements()) {
            String tag = element.normalName();
            boolean paragraphLike = SCORED.contains(tag) || (tag.equals("div") && !hasBlockChild(element));
            if (!paragraphLike) {
                continue;
            }
            String text = element.text();
            if (text.length() < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element ancestor = element.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                if (ancestor.normalName().equals("html")) {
                    break;
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initialScore(ancestor) + score / divider, (old, add) -> old + score / divider);
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            entry.setValue(score);
            if (top == null || score > topScore) {
                top = entry.getKey();
                topScore = score;
            }
        }
        if (top == null) {
            return List.of();
        }
        List<Element> article = new ArrayList<>();
        Element parent = top.parent();
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sibling : parent == null ? List.of(top) : parent.children()) {
            if (sibling == top || scores.getOrDefault(sibling, 0.0) >= threshold || goodParagraph(sibling)) {
                article.add(sibling);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element element : article) {
            cleanArticle(element);
            paragraphs.addAll(TextBlocks.lines(element));
        }
        return paragraphs;
    }

    private static void removeUnlikely(Element body) {
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            String tag = element.normalName();
            if (MainTextExtractor.WRAPPERS.contains(tag) && MainTextExtractor.wrapsArticle(element)) {
                continue;
            }
            if (NOISE.contains(tag)
                    || element.hasAttr("hidden")
                    || hiddenStyle(element)
                    || ContentRules.HIDDEN.matches(element)
                    || isComments(element)) {
                element.remove();
                continue;
            }
            String names = element.className() + " " + element.id();
            if (UNLIKELY.matcher(names).find()
                    && !MAYBE.matcher(names).find()
                    && !tag.equals("body")
                    && !tag.equals("a")
                    && element.closest("table") == null
                    && element.closest("code") == null) {
                element.remove();
            } else if (UNLIKELY_ROLES.contains(element.attr("role"))) {
                element.remove();
            }
        }
    }

    private static boolean isComments(Element element) {
        for (AttributeRules comments : ContentRules.COMMENTS) {
            if (comments.matches(element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hiddenStyle(Element element) {
        String style = element.attr("style").replace(" ", "").toLowerCase();
        return style.contains("display:none") || style.contains("visibility:hidden");
    }

    private static boolean hasBlockChild(Element element) {
        for (Element child : element.children()) {
            if (BLOCK_CHILDREN.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(element);
    }

    private static int classWeight(Element element) {
        int weight = 0;
        for (String name : List.of(element.className(), element.id())) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    private static int commas(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uff0c' || c == '\u060c' || c == '\u3001') {
                count++;
            }
        }
        return count;
    }

    static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element link : element.getElementsByTag("a")) {
            links += link.text().length();
        }
        return (double) links / length;
    }

    private static boolean goodParagraph(Element element) {
        if (!element.normalName().equals("p")) {
            return false;
        }
        String text = element.text();
        double density = linkDensity(element);
        if (text.length() > 80) {
            return density < 0.25;
        }
        return !text.isEmpty() && density == 0 && (text.endsWith(".") || text.contains(". "));
    }

    /** Drops blocks of the chosen container that look like lists of links, forms or image galleries. */
    private static void cleanArticle(Element article) {
        List<Element> elements = article.getAllElements();
        for (int i = elements.size() - 1; i >= 0; i--) {
            Element element = elements.get(i);
            if (element == article || element.parent() == null) {
                continue;
            }
            String tag = element.normalName();
            if (MainTextExtractor.HEADINGS.contains(tag) && classWeight(element) < 0) {
                element.remove();
            } else if (CONDITIONAL.contains(tag) && fishy(element)) {
                element.remove();
            }
        }
    }

    private static boolean fishy(Element element) {
        int weight = classWeight(element);
        if (weight < 0) {
            return true;
        }
        String text = element.text();
        if (commas(text) >= 10) {
            return false;
        }
        boolean list = element.normalName().equals("ul") || element.normalName().equals("ol");
        int paragraphs = element.getElementsByTag("p").size();
        int images = element.getElementsByTag("img").size();
        int items = element.getElementsByTag("li").size() - 100;
        double density = linkDensity(element);
        return (images > 1 && (double) paragraphs / images < 0.5)
                || (!list && items > paragraphs)
                || (!list && text.length() < MIN_PARAGRAPH && (images == 0 || images > 2))
                || (!list && weight < 25 && density > 0.2)
                || (weight >= 25 && density > 0.5);
    }
}
