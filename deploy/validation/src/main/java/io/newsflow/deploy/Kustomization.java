package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small Kustomize: enough of it to render what deploy/kubernetes uses (resources, JSON 6902 patches with a
 * target, images of containers, namespace) so the checks run on what {@code kubectl apply -k} would apply. Anything else in a
 * kustomization is reported rather than ignored, so nothing reaches a cluster unchecked.
 */
public final class Kustomization {

    /** One object and the file it came from. */
    public record Resource(Path file, ObjectNode object) {

        public String kind() {
            return object.path("kind").asText();
        }

        public String name() {
            return object.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file.getFileName() + ")";
        }
    }

    /** What the kustomization renders to, and what was wrong with it. */
    public record Rendered(List<Resource> resources, List<String> problems) {}

    private static final Set<String> UNDERSTOOD =
            Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");

    private Kustomization() {}

    /** Renders the kustomization in {@code directory}, recursively through the directories it names. */
    public static Rendered render(Path directory) {
        List<Resource> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        render(directory, resources, problems);
        return new Rendered(resources, problems);
    }

    private static void render(Path directory, List<Resource> resources, List<String> problems) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            problems.add(directory + ": no kustomization.yaml");
            return;
        }
        JsonNode kustomization;
        try {
            kustomization = Yaml.document(file);
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
            return;
        }
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!UNDERSTOOD.contains(field)) {
                problems.add(file + ": " + field + " is not understood by deploy/validation (teach it first)");
            }
        });
        if (!kustomization.path("kind").asText().equals("Kustomization")) {
            problems.add(file + ": kind is not Kustomization");
        }

        List<Resource> own = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                Rendered base = render(path);
                own.addAll(base.resources());
                problems.addAll(base.problems());
            } else if (Files.isRegularFile(path)) {
                try {
                    for (JsonNode document : Yaml.documents(path)) {
                        if (document instanceof ObjectNode object) {
                            own.add(new Resource(path, object));
                        } else {
                            problems.add(path + ": a document that is not an object");
                        }
                    }
                } catch (RuntimeException e) {
                    problems.add(e.getMessage());
                }
            } else {
                problems.add(file + ": resource " + entry.asText() + " does not exist");
            }
        }

        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, file, patch, own, problems);
        }
        for (JsonNode image : kustomization.path("images")) {
            applyImage(image, own);
        }
        String namespace = kustomization.path("namespace").asText(null);
        if (namespace != null) {
            own.stream()
                    .filter(r -> !r.kind().equals("Namespace"))
                    .forEach(r -> r.object().withObjectProperty("metadata").put("namespace", namespace));
        }
        resources.addAll(own);
    }

    private static void applyPatch(
            Path directory, Path file, JsonNode patch, List<Resource> resources, List<String> problems) {
        Path path = directory.resolve(patch.path("path").asText());
        JsonNode target = patch.path("target");
        if (!patch.has("path") || !Files.isRegularFile(path)) {
            problems.add(file + ": patch " + patch.path("path").asText("(inline)") + " is not a file");
            return;
        }
        if (!target.has("kind")) {
            problems.add(file + ": patch " + path.getFileName() + " has no target kind (only JSON 6902 patches with a"
                    + " target are understood)");
            return;
        }
        List<Resource> targets = resources.stream()
                .filter(r -> r.kind().equals(target.path("kind").asText()))
                .filter(r -> !target.has("name")
                        || r.name().equals(target.path("name").asText()))
                .toList();
        if (targets.isEmpty()) {
            problems.add(file + ": patch " + path.getFileName() + " targets "
                    + target.path("kind").asText() + " " + target.path("name").asText("(any)")
                    + ", which no resource is");
            return;
        }
        JsonNode operations;
        try {
            operations = Yaml.document(path);
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
            return;
        }
        if (!operations.isArray()) {
            problems.add(path + ": not a list of JSON 6902 operations");
            return;
        }
        for (Resource resource : targets) {
            for (JsonNode operation : operations) {
                String error = JsonPatch.apply(resource.object(), operation);
                if (error != null) {
                    problems.add(path + " on " + resource + ": " + error);
                }
            }
        }
    }

    private static void applyImage(JsonNode image, List<Resource> resources) {
        String name = image.path("name").asText();
        for (Resource resource : resources) {
            for (JsonNode container : PodSpecs.containers(resource.object())) {
                String current = container.path("image").asText();
                if (Images.name(current).equals(name)) {
                    String newName = image.path("newName").asText(name);
                    String newTag =
                            image.path("newTag").asText(Images.tag(current).orElse(""));
                    ((ObjectNode) container).put("image", newTag.isEmpty() ? newName : newName + ":" + newTag);
                }
            }
        }
    }
}
