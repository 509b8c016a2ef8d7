package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Patch (RFC 6902) operations add, replace and remove, as Kustomize applies them, strict about paths: a
 * replace or remove of a path that is not there is an error (Kustomize fails too), which is what catches an overlay
 * patching a field the base renamed.
 */
final class JsonPatch {

    private JsonPatch() {}

    /** Applies one operation to {@code target}; returns why it cannot be applied, or null. */
    static String apply(JsonNode target, JsonNode operation) {
        String op = operation.path("op").asText();
        String path = operation.path("path").asText();
        if (!path.startsWith("/")) {
            return "path " + path + " is not a JSON pointer";
        }
        int slash = path.lastIndexOf('/');
        JsonNode parent = target.at(path.substring(0, slash));
        String last = unescape(path.substring(slash + 1));
        if (parent.isMissingNode()) {
            return op + " " + path + ": " + path.substring(0, slash) + " does not exist";
        }
        JsonNode value = operation.get("value");
        switch (op) {
            case "replace", "remove" -> {
                if (target.at(path).isMissingNode()) {
                    return op + " " + path + ": nothing there";
                }
                if (parent instanceof ObjectNode object) {
                    if (op.equals("replace")) {
                        object.set(last, value);
                    } else {
                        object.remove(last);
                    }
                } else if (parent instanceof ArrayNode array) {
                    int index = Integer.parseInt(last);
                    if (op.equals("replace")) {
                        array.set(index, value);
                    } else {
                        array.remove(index);
                    }
                }
                return null;
            }
            case "add" -> {
                if (value == null) {
                    return "add " + path + " without a value";
                }
                if (parent instanceof ObjectNode object) {
                    object.set(last, value);
                } else if (parent instanceof ArrayNode array) {
                    if (last.equals("-")) {
                        array.add(value);
                    } else {
                        array.insert(Integer.parseInt(last), value);
                    }
                } else {
                    return "add " + path + ": the parent is a value";
                }
                return null;
            }
            default -> {
                return "operation " + op + " is not understood by deploy/validation";
            }
        }
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
