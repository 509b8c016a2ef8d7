package io.newsflow.commons.status;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Folds the readiness checks (SmallRye Health's JSON) into one state per dependency: {@code kafka},
 * {@code postgresql}, {@code elasticsearch}, each DOWN when any of its checks is. A dependency the service has
 * no check for is left out.
 */
public final class DependencyChecks {

    private DependencyChecks() {}

    public static Map<String, String> of(JsonObject readiness) {
        Map<String, String> states = new LinkedHashMap<>();
        for (JsonValue value : readiness.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            String dependency = dependency(check.getString("name", ""));
            if (dependency == null) {
                continue;
            }
            String state = check.getString("status", "DOWN");
            states.merge(dependency, state, (a, b) -> "UP".equals(a) && "UP".equals(b) ? "UP" : "DOWN");
        }
        return states;
    }

    /** The dependency a check is about, from the names Quarkus gives its checks; null for anything else. */
    static String dependency(String checkName) {
        String name = checkName.toLowerCase(Locale.ROOT);
        if (name.contains("kafka") || name.contains("reactive messaging")) {
            return "kafka";
        }
        if (name.contains("elasticsearch")) {
            return "elasticsearch";
        }
        if (name.contains("postgres") || name.contains("database")) {
            return "postgresql";
        }
        return null;
    }
}
