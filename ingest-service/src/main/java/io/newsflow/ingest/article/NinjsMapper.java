package io.newsflow.ingest.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.commons.problem.Problem;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an IPTC ninjs document (versions 1.x to 3.x) as an article. ninjs renamed its properties over the
 * versions ({@code headline} → {@code headlines[]}, {@code body_text} → {@code bodies[]}, {@code versioncreated} →
 * {@code versionCreated}), so names are matched without regard to case and each property is looked for in all its
 * forms. What is not mapped to an article field is kept, as it came, in the article's extra fields.
 */
public final class NinjsMapper {

    /** Properties only ninjs has: one of them (case aside) makes a JSON object a ninjs document. */
    private static final Set<String> NINJS_ONLY = Set.of(
            "headline",
            "headlines",
            "body_text",
            "body_html",
            "body_xhtml",
            "body_html5",
            "bodies",
            "description_text",
            "descriptions",
            "versioncreated",
            "firstcreated",
            "contentcreated",
            "pubstatus",
            "$standard",
            "standard",
            "byline",
            "renditions",
            "associations",
            "eventdetails");

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Description roles that are not the item's text (credits, photographer's site). */
    private static final Set<String> NOT_TEXT_ROLES = Set.of("creditline", "writer", "credit", "copyright");

    private final ObjectMapper json;

    public NinjsMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The article read from a ninjs document, or what is wrong with it (fields as JSON pointers). */
    /**
     * @param retracts the document's {@code pubstatus} is {@code canceled} or {@code withheld}: the newsroom takes the
     *     article back
     */
    public record Result(ArticleSubmission article, boolean retracts, List<Problem.FieldError> errors) {}

    /** The {@code pubstatus} values by which a newsroom takes an article back (ninjs, after IPTC NewsML-G2). */
    static final Set<String> RETRACTING_PUBSTATUS = Set.of("canceled", "cancelled", "withheld");

    /** Whether {@code node} is a ninjs document rather than an article in newsflow's own shape. */
    public static boolean isNinjs(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next().toLowerCase(Locale.ROOT);
            if (NINJS_ONLY.contains(name)) {
                return true;
            }
        }
        // ninjs 2.0 drafts have "body" as an array of {name, value}; ours is a string
        return node.path("body").isArray();
    }

    /** A quick look at raw text for a ninjs property name, so that plain articles skip building a tree. */
    public static boolean mayBeNinjs(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String name : NINJS_ONLY) {
            if (lower.contains("\"" + name + "\"")) {
                return true;
            }
        }
        return false;
    }

    public Result map(JsonNode doc) {
        Document d = new Document(doc);
        List<Problem.FieldError> errors = new ArrayList<>();

        String uri = identity(d.text("uri", errors));
        String url = webAddress(d);

        String title = headline(d, errors);
        if (title == null) {
            title = d.text("title", errors);
        }

        Body body = body(d, errors);
        String description = description(d, errors);
        String text = body.text();
        String summary = null;
        if (text == null && body.html() == null) {
            // a picture, video or event: its caption or description is its text
            text = description;
        } else {
            summary = description;
        }

        if (uri == null && url == null) {
            errors.add(new Problem.FieldError("/uri", "is required: a ninjs document is identified by its uri"));
        }
        // a retraction (a kill notice) names the article and says it is withdrawn: it need not carry any text
        boolean retracts = retracts(d);
        if (text == null && body.html() == null && !retracts) {
            errors.add(new Problem.FieldError(
                    "/body_text",
                    "the document has no text to index: none of body_text, body_html, bodies, description_text or"
                            + " descriptions holds any"));
        }

        OffsetDateTime published = date(d, "versioncreated", errors);
        if (published == null) {
            published = date(d, "firstcreated", errors);
        }
        if (published == null) {
            published = date(d, "contentcreated", errors);
        }

        List<String> authors = authors(d, errors);
        String language = d.text("language", errors);
        String located = d.text("located", errors);
        List<ArticleSubmission.SubjectSubmission> subjects = subjects(d, errors);

        if (!errors.isEmpty()) {
            return new Result(null, retracts, errors);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        d.unused().forEach((name, value) -> extra.put(name, json.convertValue(value, Object.class)));
        return new Result(
                new ArticleSubmission(
                        url,
                        title,
                        text,
                        body.html(),
                        summary,
                        authors,
                        published,
                        language,
                        null,
                        null,
                        null,
                        uri,
                        located,
                        subjects,
                        extra),
                retracts,
                List.of());
    }

    /** {@code pubstatus} {@code canceled} or {@code withheld} ({@code stat:canceled} in the qcode form too). */
    private static boolean retracts(Document d) {
        JsonNode status = d.node("pubstatus");
        if (status == null || !status.isTextual()) {
            return false;
        }
        String value = status.asText().strip().toLowerCase(Locale.ROOT);
        return RETRACTING_PUBSTATUS.contains(value.startsWith("stat:") ? value.substring(5) : value);
    }

    /** A bare UUID (NTB sends these) becomes its RFC 4122 URN; anything else stays as given. */
    private static String identity(String uri) {
        if (uri != null && UUID_SHAPE.matcher(uri).matches()) {
            return "urn:uuid:" + uri.toLowerCase(Locale.ROOT);
        }
        return uri;
    }

    /** The web address from {@code links} (canonical, self, alternate, in that order); null if none. */
    private static String webAddress(Document d) {
        JsonNode links = d.node("links");
        if (links == null || !links.isArray()) {
            return null;
        }
        for (String rel : List.of("canonical", "self", "alternate")) {
            for (JsonNode link : links) {
                String href = link.path("href").asText(null);
                if (rel.equalsIgnoreCase(link.path("rel").asText(""))
                        && href != null
                        && (href.startsWith("http://") || href.startsWith("https://"))) {
                    return href.strip();
                }
            }
        }
        return null;
    }

    /** {@code headline} (a string in 1.x, an array of {name, value|text} in 2.0 drafts) or {@code headlines[]}. */
    private static String headline(Document d, List<Problem.FieldError> errors) {
        JsonNode headline = d.node("headline");
        if (headline != null && headline.isTextual()) {
            d.use("headline");
            return blankToNull(headline.asText());
        }
        if (headline != null && headline.isArray()) {
            d.use("headline");
            return pick(headline, "/" + d.name("headline"), "main", errors);
        }
        JsonNode headlines = d.node("headlines");
        if (headlines != null) {
            if (!headlines.isArray()) {
                errors.add(new Problem.FieldError("/" + d.name("headlines"), "must be an array of headlines"));
                return null;
            }
            d.use("headlines");
            return pick(headlines, "/" + d.name("headlines"), "main", errors);
        }
        return null;
    }

    /** The value of the item whose role (or name) is {@code role}, else the first one's. */
    private static String pick(JsonNode items, String path, String role, List<Problem.FieldError> errors) {
        String first = null;
        String withRole = null;
        // every item is read, so that a bad one is reported even after the one taken
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String value = value(item, path + "/" + i, errors);
            if (value == null) {
                continue;
            }
            if (withRole == null && item.isObject() && role.equalsIgnoreCase(roleOf(item))) {
                withRole = value;
            }
            if (first == null) {
                first = value;
            }
        }
        return withRole != null ? withRole : first;
    }

    private static String value(JsonNode item, String path, List<Problem.FieldError> errors) {
        if (item.isTextual()) {
            return blankToNull(item.asText());
        }
        if (!item.isObject()) {
            errors.add(new Problem.FieldError(path, "must be an object with a value"));
            return null;
        }
        JsonNode value = item.has("value") ? item.get("value") : item.get("text");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(path + (item.has("value") ? "/value" : "/text"), "must be a string"));
            return null;
        }
        return blankToNull(value.asText());
    }

    private static String roleOf(JsonNode item) {
        return item.has("role")
                ? item.path("role").asText("")
                : item.path("name").asText("");
    }

    private static String contentTypeOf(JsonNode item) {
        for (var names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase("contenttype") || name.equalsIgnoreCase("mimetype")) {
                return item.path(name).asText("").toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private record Body(String text, String html) {}

    /** {@code body_text}/{@code body_html} (1.x) or {@code bodies[]} (2.x, 3.x; {@code body[]} in 2.0 drafts). */
    private static Body body(Document d, List<Problem.FieldError> errors) {
        String text = d.text("body_text", errors);
        String html = d.text("body_html", errors);
        if (html == null) {
            html = d.text("body_xhtml", errors);
        } else {
            d.keep("body_xhtml");
        }
        if (html == null) {
            html = d.text("body_html5", errors);
        } else {
            d.keep("body_html5");
        }
        if (text != null || html != null) {
            return new Body(text, html);
        }
        String field = d.node("bodies") != null ? "bodies" : d.node("body") != null ? "body" : null;
        if (field == null) {
            return new Body(null, null);
        }
        JsonNode bodies = d.node(field);
        if (!bodies.isArray()) {
            errors.add(new Problem.FieldError("/" + d.name(field), "must be an array of bodies"));
            return new Body(null, null);
        }
        d.use(field);
        String path = "/" + d.name(field);
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode item = bodies.get(i);
            String value = value(item, path + "/" + i, errors);
            if (value == null || !item.isObject()) {
                continue;
            }
            String type = contentTypeOf(item);
            String role = roleOf(item).toLowerCase(Locale.ROOT);
            if (text == null && (type.equals("text/plain") || (type.isEmpty() && role.equals("text")))) {
                text = value;
            } else if (html == null
                    && (type.startsWith("text/html")
                            || type.equals("application/xhtml+xml")
                            || (type.isEmpty() && role.matches("x?html5?")))) {
                html = value;
            }
        }
        return new Body(text, html);
    }

    /** {@code description_text} (1.x) or the text of {@code descriptions[]} ({@code description[]} in drafts). */
    private static String description(Document d, List<Problem.FieldError> errors) {
        String text = d.text("description_text", errors);
        if (text != null) {
            return text;
        }
        String field = d.node("descriptions") != null
                ? "descriptions"
                : d.node("description") != null && d.node("description").isArray() ? "description" : null;
        if (field == null) {
            return null;
        }
        JsonNode items = d.node(field);
        if (!items.isArray()) {
            errors.add(new Problem.FieldError("/" + d.name(field), "must be an array of descriptions"));
            return null;
        }
        String path = "/" + d.name(field);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String value = value(item, path + "/" + i, errors);
            String role = item.isObject() ? roleOf(item).toLowerCase(Locale.ROOT) : "";
            String type = item.isObject() ? contentTypeOf(item) : "";
            if (value != null
                    && !NOT_TEXT_ROLES.contains(role)
                    && !role.contains("html")
                    && !type.startsWith("text/html")) {
                // kept as well: the other descriptions (credit lines, HTML captions) are not mapped
                return value;
            }
        }
        return null;
    }

    private static OffsetDateTime date(Document d, String name, List<Problem.FieldError> errors) {
        String value = d.text(name, errors);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(
                    "/" + d.name(name), "must be an ISO 8601 date-time with an offset, such as 2024-05-01T10:00:00Z"));
            return null;
        }
    }

    /** {@code byline} (1.x) or {@code by}, else the {@code people}/{@code person} whose rel or role is author. */
    private static List<String> authors(Document d, List<Problem.FieldError> errors) {
        String byline = d.text("byline", errors);
        if (byline == null) {
            byline = d.text("by", errors);
        }
        if (byline != null) {
            return List.of(byline);
        }
        List<String> authors = new ArrayList<>();
        for (String field : List.of("people", "person")) {
            JsonNode people = d.node(field);
            if (people == null || !people.isArray()) {
                continue;
            }
            for (JsonNode person : people) {
                String rel = person.path("rel").asText("") + " "
                        + person.path("role").asText("");
                String name = person.path("name").asText(null);
                if (rel.toLowerCase(Locale.ROOT).contains("author") && name != null && !name.isBlank()) {
                    authors.add(name.strip());
                }
            }
        }
        return authors.isEmpty() ? null : authors;
    }

    /**
     * {@code subject[]} (1.x: code + scheme) or {@code subjects[]} (2.x, 3.x: uri or literal), kept as given: the
     * code is the concept's URI or qualified code; a subject with a name only keeps its name as code.
     */
    private static List<ArticleSubmission.SubjectSubmission> subjects(Document d, List<Problem.FieldError> errors) {
        String field = d.node("subjects") != null ? "subjects" : d.node("subject") != null ? "subject" : null;
        if (field == null) {
            return null;
        }
        JsonNode items = d.node(field);
        String path = "/" + d.name(field);
        if (!items.isArray()) {
            errors.add(new Problem.FieldError(path, "must be an array of subjects"));
            return null;
        }
        d.use(field);
        List<ArticleSubmission.SubjectSubmission> subjects = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                errors.add(new Problem.FieldError(path + "/" + i, "must be an object (a subject)"));
                continue;
            }
            String name = blankToNull(item.path("name").asText(null));
            String code = code(item);
            if (code == null) {
                code = name;
            }
            if (code == null) {
                continue;
            }
            String rel = blankToNull(item.path("rel").asText(null));
            subjects.add(new ArticleSubmission.SubjectSubmission(code, name, rel));
        }
        return subjects;
    }

    private static String code(JsonNode subject) {
        String uri = blankToNull(subject.path("uri").asText(null));
        if (uri != null) {
            return uri;
        }
        String code = blankToNull(subject.path("code").asText(null));
        if (code == null) {
            code = blankToNull(subject.path("qcode").asText(null));
        }
        if (code != null) {
            String scheme = blankToNull(subject.path("scheme").asText(null));
            return scheme != null && !code.contains(":") ? scheme + code : code;
        }
        return blankToNull(subject.path("literal").asText(null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The document's top-level properties by lower-case name, and which of them went into article fields. */
    private static final class Document {
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, JsonNode> values = new LinkedHashMap<>();
        private final Set<String> used = new HashSet<>();

        Document(JsonNode doc) {
            for (var fields = doc.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String lower = field.getKey().toLowerCase(Locale.ROOT);
                names.putIfAbsent(lower, field.getKey());
                values.putIfAbsent(lower, field.getValue());
            }
        }

        JsonNode node(String name) {
            JsonNode value = values.get(name);
            return value == null || value.isNull() ? null : value;
        }

        String name(String name) {
            return names.getOrDefault(name, name);
        }

        /** The string value of {@code name}, marked as used; null if absent or blank. */
        String text(String name, List<Problem.FieldError> errors) {
            JsonNode value = node(name);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                errors.add(new Problem.FieldError("/" + name(name), "must be a string"));
                return null;
            }
            used.add(name);
            return blankToNull(value.asText());
        }

        void use(String name) {
            used.add(name);
        }

        /** Leaves a property among the extra fields although a sibling was mapped (an alternative rendering). */
        void keep(String name) {
            used.remove(name);
        }

        Map<String, JsonNode> unused() {
            Map<String, JsonNode> rest = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                if (!used.contains(name)) {
                    rest.put(names.get(name), value);
                }
            });
            return rest;
        }
    }
}
