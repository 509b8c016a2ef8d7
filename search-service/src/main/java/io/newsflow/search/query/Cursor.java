package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.commons.problem.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code cursor} of a search page: the sort values of the page's last hit (Elasticsearch's
 * {@code search_after}, ending with the article id as the tiebreak) and the order they belong to, as base64url
 * JSON. A cursor is only valid with the sort it came from.
 */
public final class Cursor {

    public static final String PARAMETER = "cursor";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 2_000;

    private Cursor() {}

    public static String encode(SearchSort sort, List<FieldValue> after) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sort", sort.parameter());
        ArrayNode values = node.putArray("after");
        for (FieldValue value : after) {
            switch (value._kind()) {
                case Long -> values.add(value.longValue());
                case Double -> values.add(value.doubleValue());
                case String -> values.add(value.stringValue());
                case Boolean -> values.add(value.booleanValue());
                default -> values.addNull();
            }
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort values to continue after: a number (the score or the date) then the article id.
     *
     * @throws InvalidInputException naming {@code cursor} when it was not made by {@link #encode} for this sort
     */
    public static List<FieldValue> decode(String cursor, SearchSort sort) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(cursor.strip()));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
        if (node == null
                || !node.path("sort").isTextual()
                || !node.path("after").isArray()) {
            throw invalid();
        }
        if (!sort.parameter().equals(node.path("sort").asText())) {
            throw new InvalidInputException(
                    PARAMETER, "belongs to sort=" + node.path("sort").asText() + "; repeat the search with that sort");
        }
        JsonNode after = node.path("after");
        if (after.size() != 2 || !after.get(0).isNumber() || !after.get(1).isTextual()) {
            throw invalid();
        }
        // a date is whole milliseconds: 1.5 or 1e400 was never written here, and Elasticsearch would take the one
        // and refuse the other with an error that does not name the cursor
        if (sort != SearchSort.RELEVANCE
                && !(after.get(0).isIntegralNumber() && after.get(0).canConvertToLong())) {
            throw invalid();
        }
        List<FieldValue> values = new ArrayList<>();
        values.add(
                after.get(0).isIntegralNumber()
                        ? FieldValue.of(after.get(0).asLong())
                        : FieldValue.of(after.get(0).asDouble()));
        values.add(FieldValue.of(after.get(1).asText()));
        return values;
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(PARAMETER, "is not a cursor this API returned (use nextCursor as it is)");
    }
}
