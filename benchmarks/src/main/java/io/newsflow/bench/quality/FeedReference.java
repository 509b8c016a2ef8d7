package io.newsflow.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What a careful reader expects of a feed file, independently of our parser: its format and how many items have
 * any text. XML is read by the JDK's DOM parser with no DTD loaded and no external entity resolved; a file it cannot
 * read is not a well-formed feed and is left out.
 */
final class FeedReference {

    /** The elements whose text makes an item worth reading. */
    private static final Set<String> TEXT_ELEMENTS =
            Set.of("title", "description", "summary", "content", "encoded", "body", "fullitem");

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedReference() {}

    /** A feed's format and its items with any text. */
    record Expected(String format, int items) {}

    /** @return null when the file is not a well-formed feed */
    static Expected read(byte[] bytes, String name) {
        if (name.endsWith(".json")) {
            return json(bytes);
        }
        Element root;
        try {
            root = builder()
                    .parse(new InputSource(new ByteArrayInputStream(withoutLeadingSpace(bytes))))
                    .getDocumentElement();
        } catch (SAXException | IOException e) {
            return null;
        }
        String format = format(root);
        if (format == null) {
            return null;
        }
        String itemName = format.startsWith("Atom") ? "entry" : "item";
        return new Expected(format, countItems(root, itemName));
    }

    /** Blank lines before the XML declaration: strictly an error, but every reader (and feed in the wild) has them. */
    private static byte[] withoutLeadingSpace(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, i, bytes.length);
    }

    private static Expected json(byte[] bytes) {
        JsonNode feed;
        try {
            feed = JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
        if (feed == null
                || !feed.path("version").asText().startsWith("https://jsonfeed.org/version/1")
                || !feed.path("items").isArray()) {
            return null;
        }
        int items = 0;
        for (JsonNode item : feed.get("items")) {
            for (String field : new String[] {"title", "content_html", "content_text", "summary"}) {
                if (item.path(field).isTextual() && !item.path(field).asText().isBlank()) {
                    items++;
                    break;
                }
            }
        }
        return new Expected("JSON Feed", items);
    }

    private static String format(Element root) {
        String name = local(root);
        String ns = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        String version = root.getAttribute("version").strip();
        switch (name) {
            case "rss":
                return version.startsWith("0.9") ? "RSS 0.9x" : version.startsWith("1.") ? "RSS 1.0 (RDF)" : "RSS 2.0";
            case "RDF":
                return ns.contains("netscape.com/rdf/simple/0.9")
                                || rdfChannelNs(root).contains("0.9/")
                        ? "RSS 0.9x"
                        : "RSS 1.0 (RDF)";
            case "feed":
                if (ns.equals("http://www.w3.org/2005/Atom")) {
                    return "Atom 1.0";
                }
                return ns.contains("purl.org/atom") || version.startsWith("0.") ? "Atom 0.3" : "Atom 1.0";
            default:
                return null;
        }
    }

    private static String rdfChannelNs(Element root) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && local(e).equals("channel")) {
                return e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
            }
        }
        return "";
    }

    /** Items (or entries) with any text, not counting one inside another. */
    private static int countItems(Element element, String itemName) {
        int count = 0;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                if (local(e).equals(itemName)) {
                    count += hasText(e) ? 1 : 0;
                } else {
                    count += countItems(e, itemName);
                }
            }
        }
        return count;
    }

    private static boolean hasText(Element item) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e
                    && TEXT_ELEMENTS.contains(local(e).toLowerCase(Locale.ROOT))
                    && !visible(e.getTextContent()).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Escaped HTML counts by the text a reader would see, not by its markup. */
    private static String visible(String text) {
        return text.contains("<") ? org.jsoup.Jsoup.parse(text).text() : text;
    }

    private static String local(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
