package io.newsflow.ingest.feed;

import io.newsflow.commons.problem.InvalidInputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Entities;

/**
 * Reads a feed's XML into a small tree, safely. A DOCTYPE (the Netscape RSS 0.91 one, or any other) is skipped,
 * never resolved: no DTD is loaded, no entity it declares exists, so neither external entities (XXE) nor entity
 * expansion (billion laughs) can happen. The HTML named entities that old feeds use without declaring them
 * ({@code &nbsp;}, {@code &eacute;}) are read from jsoup's built-in HTML table; any other undeclared entity is an
 * error. Errors name the line and column.
 */
final class FeedXml {

    /** Deeper than this is no feed but an attack on the reader. */
    static final int MAX_DEPTH = 100;

    private static final String XML_NS = XMLConstants.XML_NS_URI;
    /** The JDK's message for an undeclared namespace prefix is a URL with the prefix and name after '?'. */
    private static final Pattern UNBOUND_PREFIX = Pattern.compile("PrefixUnbound\\?([^&\\s]+)&(\\S+)");

    private static final Pattern ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");
    private static final Pattern PARSE_ERROR =
            Pattern.compile("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*");

    private static final XMLInputFactory FACTORY = factory();
    /** The elements whose inner markup is kept: those that may carry (X)HTML. */
    private static final java.util.Set<String> MARKUP_HOLDERS =
            java.util.Set.of("content", "summary", "description", "body", "encoded", "fullitem", "title", "div");

    private FeedXml() {}

    /** An element: its namespace, local name, attributes (by local name, plus {@code xml:base}), children and text. */
    record Element(
            String ns,
            String name,
            Map<String, String> attributes,
            List<Element> children,
            String text,
            String innerXml) {

        /** The first child of this local name, in any namespace; null when none. */
        Element child(String local) {
            for (Element child : children) {
                if (child.name.equals(local)) {
                    return child;
                }
            }
            return null;
        }

        /** The first child of this local name whose namespace is one of those given ("" for none). */
        Element child(String local, String... namespaces) {
            for (Element child : children) {
                if (child.name.equals(local)) {
                    for (String ns : namespaces) {
                        if (child.ns.equals(ns)
                                || (ns.endsWith("*") && child.ns.startsWith(ns.substring(0, ns.length() - 1)))) {
                            return child;
                        }
                    }
                }
            }
            return null;
        }

        List<Element> all(String local) {
            return children.stream().filter(c -> c.name.equals(local)).toList();
        }

        String attribute(String local) {
            String value = attributes.get(local);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** The text, blank as null. */
        String value() {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    static Element read(String document) {
        String xml = prepared(document);
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            List<Builder> stack = new ArrayList<>();
            Element root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (stack.size() >= MAX_DEPTH) {
                            throw new InvalidInputException(
                                    "body",
                                    "is nested more than " + MAX_DEPTH + " elements deep" + at(reader.getLocation())
                                            + ": no feed is");
                        }
                        Builder b = new Builder(reader);
                        String tag = b.startTag(reader);
                        for (Builder open : stack) {
                            open.appendInner(tag);
                        }
                        stack.add(b);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        String text = reader.getText();
                        String escaped = null;
                        for (Builder open : stack) {
                            if (open.keepsInner) {
                                escaped = escaped != null ? escaped : Entities.escape(text);
                                open.appendInner(escaped);
                            }
                        }
                        if (!stack.isEmpty()) {
                            stack.get(stack.size() - 1).text.append(text);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Builder done = stack.remove(stack.size() - 1);
                        String tag = "</" + done.name + ">";
                        for (Builder open : stack) {
                            open.appendInner(tag);
                        }
                        Element element = done.build();
                        if (stack.isEmpty()) {
                            root = element;
                        } else {
                            stack.get(stack.size() - 1).children.add(element);
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new InvalidInputException(
                                "body",
                                "uses the entity &" + reader.getLocalName()
                                        + "; at line " + reader.getLocation().getLineNumber() + ", column "
                                        + reader.getLocation().getColumnNumber()
                                        + ", which is not declared (entities a DOCTYPE declares are never read)");
                    default -> {
                        // comments, processing instructions: not part of what a feed says
                    }
                }
            }
            if (root == null) {
                throw new InvalidInputException("body", "has no root element: send an RSS, Atom or JSON feed");
            }
            return root;
        } catch (XMLStreamException e) {
            String message = firstLine(PARSE_ERROR
                    .matcher(String.valueOf(e.getMessage()))
                    .replaceFirst("")
                    .strip());
            Matcher unbound = UNBOUND_PREFIX.matcher(message);
            if (unbound.find()) {
                message = "the prefix \"" + unbound.group(1) + "\" (of " + unbound.group(2)
                        + ") is used without declaring its namespace (xmlns:" + unbound.group(1) + "=\"...\")";
            } else if (message.contains("was referenced, but not declared")) {
                message += " (entities a DOCTYPE declares are never read; HTML ones such as &nbsp; are)";
            }
            throw new InvalidInputException("body", "is not well-formed XML" + at(e.getLocation()) + ": " + message);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held but a string
                }
            }
        }
    }

    private static String at(Location location) {
        return location == null || location.getLineNumber() < 0
                ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /**
     * The document as the XML reader gets it: the XML declaration (its encoding already used) and any DOCTYPE
     * blanked out, keeping every line and column where it was; undeclared HTML entities written as character
     * references.
     */
    static String prepared(String document) {
        StringBuilder xml = new StringBuilder(document);
        blankProlog(xml);
        return htmlEntities(xml.toString());
    }

    /**
     * Blanks, in the prolog (before the first element), the XML declaration (also one misplaced after a comment, a
     * common quirk) and the DOCTYPE.
     */
    private static void blankProlog(StringBuilder xml) {
        int i = 0;
        while (i < xml.length()) {
            int lt = indexOf(xml, '<', i);
            if (lt < 0 || lt + 1 >= xml.length()) {
                return;
            }
            if (startsWith(xml, lt, "<!DOCTYPE")) {
                int end = endOfDoctype(xml, lt);
                blank(xml, lt, end);
                i = end;
            } else if (startsWith(xml, lt, "<!--")) {
                int end = indexOf(xml, "-->", lt);
                i = end < 0 ? xml.length() : end + 3;
            } else if (xml.charAt(lt + 1) == '?') {
                int end = indexOf(xml, "?>", lt);
                end = end < 0 ? xml.length() : end + 2;
                boolean declaration = startsWith(xml, lt, "<?xml")
                        && lt + 5 < xml.length()
                        && Character.isWhitespace(xml.charAt(lt + 5));
                if (declaration) {
                    blank(xml, lt, end);
                }
                i = end;
            } else {
                return;
            }
        }
    }

    /** Past the DOCTYPE's closing {@code >}, stepping over its internal subset and quoted strings. */
    private static int endOfDoctype(CharSequence xml, int start) {
        int depth = 0;
        char quote = 0;
        for (int i = start + 2; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return xml.length();
    }

    private static void blank(StringBuilder xml, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = xml.charAt(i);
            if (c != '\n' && c != '\r') {
                xml.setCharAt(i, ' ');
            }
        }
    }

    /** {@code &nbsp;} and its kind as character references, outside CDATA sections and comments. */
    private static String htmlEntities(String xml) {
        if (xml.indexOf('&') < 0) {
            return xml;
        }
        StringBuilder out = new StringBuilder(xml.length());
        int i = 0;
        while (i < xml.length()) {
            int cdata = xml.indexOf("<![CDATA[", i);
            int comment = xml.indexOf("<!--", i);
            int skipFrom = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
            int end = skipFrom < 0 ? xml.length() : skipFrom;
            out.append(replaceEntities(xml.substring(i, end)));
            if (skipFrom < 0) {
                break;
            }
            int close = skipFrom == cdata ? xml.indexOf("]]>", skipFrom) : xml.indexOf("-->", skipFrom);
            int after = close < 0 ? xml.length() : close + 3;
            out.append(xml, skipFrom, after);
            i = after;
        }
        return out.toString();
    }

    private static String replaceEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = m.group();
            if (!isXmlEntity(name) && Entities.isNamedEntity(name)) {
                StringBuilder refs = new StringBuilder();
                Entities.getByName(name)
                        .codePoints()
                        .forEach(cp -> refs.append("&#").append(cp).append(';'));
                replacement = refs.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isXmlEntity(String name) {
        return name.equals("amp")
                || name.equals("lt")
                || name.equals("gt")
                || name.equals("quot")
                || name.equals("apos");
    }

    private static XMLInputFactory factory() {
        // the JDK's own reader, whatever else is on the class path
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message);
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(CharSequence s, String what, int from) {
        return s.toString().indexOf(what, from);
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        return s.length() >= at + prefix.length()
                && s.subSequence(at, at + prefix.length()).toString().equals(prefix);
    }

    /** An element being read. */
    private static final class Builder {
        final String ns;
        final String name;
        final boolean keepsInner;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final StringBuilder inner = new StringBuilder();

        Builder(XMLStreamReader reader) {
            ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            name = reader.getLocalName();
            keepsInner = MARKUP_HOLDERS.contains(name);
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                String attributeNs = reader.getAttributeNamespace(i);
                String local = reader.getAttributeLocalName(i);
                attributes.put(XML_NS.equals(attributeNs) ? "xml:" + local : local, reader.getAttributeValue(i));
            }
        }

        /** The start tag as it goes into an ancestor's inner XML (namespace declarations left out: it is HTML). */
        String startTag(XMLStreamReader reader) {
            StringBuilder tag = new StringBuilder("<").append(name);
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                tag.append(' ')
                        .append(reader.getAttributeLocalName(i))
                        .append("=\"")
                        .append(Entities.escape(reader.getAttributeValue(i)))
                        .append('"');
            }
            return tag.append('>').toString();
        }

        void appendInner(String markup) {
            if (keepsInner) {
                inner.append(markup);
            }
        }

        Element build() {
            return new Element(ns, name, attributes, children, text.toString(), inner.toString());
        }
    }
}
