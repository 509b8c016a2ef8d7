package io.newsflow.enrich.text;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * A list of tests on an element's attributes, written the way the rules read:
 * {@code "class*=footer"} (contains), {@code "class~=footer"} (contains, ignoring case), {@code "id^=share"}
 * (starts with), {@code "class=post"} (equals), {@code "data-testid?"} (present). An element matches when its tag
 * is one of {@code tags} (all tags when empty) and any rule holds (or there are none).
 */
final class AttributeRules {

    private final Set<String> tags;
    private final List<Rule> rules;

    private AttributeRules(Set<String> tags, List<Rule> rules) {
        this.tags = tags;
        this.rules = rules;
    }

    static AttributeRules of(Set<String> tags, String... rules) {
        return new AttributeRules(tags, Arrays.stream(rules).map(Rule::parse).toList());
    }

    boolean matches(Element element) {
        if (!tags.isEmpty() && !tags.contains(element.normalName())) {
            return false;
        }
        if (rules.isEmpty()) {
            return true;
        }
        for (Rule rule : rules) {
            if (rule.matches(element)) {
                return true;
            }
        }
        return false;
    }

    private record Rule(String attribute, char operator, String value) {

        static Rule parse(String text) {
            if (text.endsWith("?")) {
                return new Rule(text.substring(0, text.length() - 1), '?', "");
            }
            int equals = text.indexOf('=');
            char before = text.charAt(equals - 1);
            if (before == '*' || before == '~' || before == '^') {
                String value = text.substring(equals + 1);
                return new Rule(text.substring(0, equals - 1), before, before == '~' ? value.toLowerCase() : value);
            }
            return new Rule(text.substring(0, equals), '=', text.substring(equals + 1));
        }

        boolean matches(Element element) {
            if (!element.hasAttr(attribute)) {
                return false;
            }
            String actual = element.attr(attribute);
            return switch (operator) {
                case '*' -> actual.contains(value);
                case '~' -> actual.toLowerCase().contains(value);
                case '^' -> actual.startsWith(value);
                case '?' -> true;
                default -> actual.equals(value);
            };
        }
    }
}
