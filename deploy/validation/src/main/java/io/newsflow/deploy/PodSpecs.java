package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The containers of a Deployment or StatefulSet (none for other kinds). */
final class PodSpecs {

    private PodSpecs() {}

    static List<JsonNode> containers(JsonNode object) {
        List<JsonNode> containers = new ArrayList<>();
        JsonNode spec = object.path("spec").path("template").path("spec");
        for (String field : List.of("initContainers", "containers")) {
            spec.path(field).forEach(containers::add);
        }
        return containers;
    }
}
