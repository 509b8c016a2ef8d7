package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * docker-compose.yml against what it must do: every long-running container has a health check and starts only
 * after what it depends on is healthy, every image is pinned, the services get every variable they need and no
 * variable they do not read, host ports do not collide, the topics are created with explicit partitions and the
 * enriched one compacted, and what is built or mounted exists.
 */
public final class ComposeCheck {

    /** The service names other developers' files use (monitoring, dashboards, fault tests). */
    public static final Set<String> CONTRACT_SERVICES = Set.of(
            "kafka",
            "kafka-init",
            "elasticsearch",
            "postgres",
            "ingest-service",
            "enrich-service",
            "search-service",
            "prometheus",
            "grafana");

    /** The service fields this file may use (the Compose specification has more): a misspelt one is reported. */
    static final Set<String> SERVICE_FIELDS = Set.of(
            "image",
            "build",
            "depends_on",
            "environment",
            "env_file",
            "ports",
            "expose",
            "volumes",
            "healthcheck",
            "restart",
            "entrypoint",
            "command",
            "profiles",
            "ulimits",
            "mem_limit",
            "cpus",
            "deploy",
            "networks",
            "hostname",
            "user",
            "working_dir",
            "labels",
            "logging",
            "stop_grace_period",
            "shm_size",
            "init",
            "tmpfs",
            "cap_add",
            "cap_drop",
            "extra_hosts",
            "secrets",
            "configs",
            "container_name");

    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");
    /** Files that another developer writes; until that directory exists their mounts are not checked. */
    static final String GRAFANA_DIRECTORY = "deploy/grafana";

    private final JsonNode compose;
    private final Path repository;
    private final Map<String, ServiceConfig> applications;
    private final Versions versions;
    private final List<String> problems = new ArrayList<>();

    public ComposeCheck(JsonNode compose, Path repository, Map<String, ServiceConfig> applications, Versions versions) {
        this.compose = compose;
        this.repository = repository;
        this.applications = applications;
        this.versions = versions;
    }

    public List<String> problems() {
        problems.clear();
        JsonNode services = compose.path("services");
        if (!services.isObject() || services.isEmpty()) {
            problems.add("no services");
            return problems;
        }
        for (String name : CONTRACT_SERVICES) {
            if (!services.has(name)) {
                problems.add("service " + name + " is missing (other files name it)");
            }
        }
        Set<String> oneShots = oneShotServices(services);
        services.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            service.fieldNames().forEachRemaining(field -> {
                if (!SERVICE_FIELDS.contains(field)) {
                    problems.add(name + ": " + field + " is not a service field");
                }
            });
            checkImage(name, service);
            checkHealthCheck(name, service, oneShots);
            checkDependencies(name, service, services, oneShots);
            checkVolumes(name, service);
            ServiceConfig application = applications.get(name);
            if (application != null) {
                checkApplication(name, service, application, !oneShots.isEmpty());
            }
        });
        checkHostPorts(services);
        checkVariablesHaveDefaults(compose, "");
        checkTopicCreation(services, oneShots);
        checkMonitoringProfile(services);
        return problems;
    }

    /** Services others wait for to complete (creating topics, say) rather than to be healthy. */
    private static Set<String> oneShotServices(JsonNode services) {
        Set<String> oneShots = new TreeSet<>();
        services.forEach(service -> service.path("depends_on").properties().forEach(dependency -> {
            if ("service_completed_successfully"
                    .equals(dependency.getValue().path("condition").asText())) {
                oneShots.add(dependency.getKey());
            }
        }));
        return oneShots;
    }

    private void checkImage(String name, JsonNode service) {
        String image = service.path("image").asText(null);
        Images.unpinned(image).ifPresent(why -> problems.add(name + ": " + why));
        if (image == null) {
            return;
        }
        String tag = Images.tag(image).orElse("");
        if (Images.name(image).equals("apache/kafka") && !tag.equals(versions.kafka())) {
            problems.add(name + ": runs Kafka " + tag + ", the build and the local stack " + versions.kafka());
        }
        if (applications.containsKey(name) && !tag.equals(versions.project())) {
            problems.add(name + ": image tag " + tag + " is not the project version " + versions.project());
        }
        JsonNode build = service.path("build");
        if (build.isMissingNode()) {
            return;
        }
        Path context = repository.resolve(
                build.isTextual() ? build.asText() : build.path("context").asText("."));
        Path dockerfile =
                context.resolve(build.path("dockerfile").asText("Dockerfile")).normalize();
        if (!Files.isDirectory(context)) {
            problems.add(name + ": build context " + context + " does not exist");
            return;
        }
        if (!Files.isRegularFile(dockerfile)) {
            problems.add(name + ": Dockerfile " + dockerfile + " does not exist");
            return;
        }
        DockerfileCheck check = new DockerfileCheck(dockerfile, context);
        check.problems().forEach(problem -> problems.add(name + ": " + problem));
        if (name.equals("elasticsearch")) {
            String base = check.baseImageTag().orElse("");
            if (!base.equals(versions.elasticsearch())) {
                problems.add(name + ": the Dockerfile builds on Elasticsearch " + base
                        + ", the analysis plugin is built" + " for " + versions.elasticsearch());
            }
            if (!tag.startsWith(versions.elasticsearch())) {
                problems.add(name + ": image tag " + tag + " does not say Elasticsearch " + versions.elasticsearch());
            }
            if (check.copiedSources().stream().noneMatch(s -> s.endsWith("/" + versions.analysisPluginZip()))) {
                problems.add(name + ": the Dockerfile does not install " + versions.analysisPluginZip());
            }
        }
    }

    private void checkHealthCheck(String name, JsonNode service, Set<String> oneShots) {
        JsonNode test = service.path("healthcheck").path("test");
        boolean disabled = service.path("healthcheck").path("disable").asBoolean(false)
                || (test.isArray() && test.size() > 0 && test.get(0).asText().equals("NONE"));
        boolean present = !disabled
                && ((test.isArray() && test.size() > 1)
                        || (test.isTextual() && !test.asText().isBlank()));
        if (oneShots.contains(name)) {
            if (!"no".equals(service.path("restart").asText("no"))) {
                problems.add(name + ": others wait for it to complete, so it must not be restarted");
            }
            return;
        }
        if (!present) {
            problems.add(name + ": no health check");
        }
    }

    private void checkDependencies(String name, JsonNode service, JsonNode services, Set<String> oneShots) {
        JsonNode dependsOn = service.path("depends_on");
        if (dependsOn.isMissingNode()) {
            return;
        }
        if (!dependsOn.isObject()) {
            problems.add(name + ": depends_on is a list, so it waits for nothing; use condition: service_healthy");
            return;
        }
        dependsOn.properties().forEach(dependency -> {
            String target = dependency.getKey();
            String condition = dependency.getValue().path("condition").asText("service_started");
            if (!services.has(target)) {
                problems.add(name + ": depends on " + target + ", which is not a service");
                return;
            }
            if (oneShots.contains(target)) {
                if (!condition.equals("service_completed_successfully")) {
                    problems.add(name + ": waits for one-shot " + target + " with " + condition);
                }
            } else if (!condition.equals("service_healthy")) {
                problems.add(name + ": depends on " + target + " with " + condition + ", not service_healthy");
            }
            boolean profiled = service.has("profiles");
            if (!profiled && services.path(target).has("profiles")) {
                problems.add(name + ": depends on " + target + ", which runs only in profile "
                        + services.path(target).path("profiles"));
            }
        });
    }

    private void checkVolumes(String name, JsonNode service) {
        for (JsonNode volume : service.path("volumes")) {
            String source = volume.isTextual()
                    ? volume.asText().split(":")[0]
                    : volume.path("source").asText();
            if (source.startsWith(".") || source.startsWith("/")) {
                Path path = repository.resolve(source).normalize();
                boolean pending = path.startsWith(repository.resolve(GRAFANA_DIRECTORY))
                        && !Files.isDirectory(repository.resolve(GRAFANA_DIRECTORY));
                if (!pending && !Files.exists(path)) {
                    problems.add(name + ": mounts " + source + ", which does not exist");
                }
            } else if (!compose.path("volumes").has(source)) {
                problems.add(name + ": volume " + source + " is not declared under volumes");
            }
        }
    }

    private void checkApplication(String name, JsonNode service, ServiceConfig application, boolean topicsCreated) {
        Map<String, String> environment = environment(service);
        for (String variable : environment.keySet()) {
            if (!application.knownEnv().contains(variable)) {
                problems.add(name + ": sets " + variable + ", which the service does not read");
            }
        }
        for (String required : application.requiredEnv()) {
            if (!environment.containsKey(required)) {
                problems.add(name + ": does not set " + required + " (its default is for the local stack)");
            }
        }
        if (topicsCreated && !"false".equals(environment.get("NEWSFLOW_KAFKA_PROVISION_TOPICS"))) {
            problems.add(name + ": topics are created by a one-shot service, so NEWSFLOW_KAFKA_PROVISION_TOPICS must be"
                    + " false");
        }
        String port = environment.getOrDefault("QUARKUS_HTTP_PORT", String.valueOf(application.httpPort()));
        boolean published = false;
        for (JsonNode mapping : service.path("ports")) {
            String[] parts = resolve(mapping.asText()).split(":");
            published |= parts[parts.length - 1].split("/")[0].equals(port);
        }
        if (!published) {
            problems.add(name + ": listens on " + port + " but publishes no port mapped to it");
        }
        String health = service.path("healthcheck").path("test").toString();
        if (!health.contains("/q/health/ready") || !health.contains(port)) {
            problems.add(name + ": the health check does not ask :" + port + "/q/health/ready");
        }
    }

    private void checkHostPorts(JsonNode services) {
        Map<String, String> owners = new HashMap<>();
        services.properties().forEach(entry -> {
            for (JsonNode mapping : entry.getValue().path("ports")) {
                String[] parts = resolve(
                                mapping.isTextual()
                                        ? mapping.asText()
                                        : mapping.path("published").asText())
                        .split(":");
                if (parts.length < 2 && !mapping.isObject()) {
                    continue; // a container port only: Docker picks a free host port
                }
                String host = mapping.isObject() ? parts[0] : parts[parts.length - 2];
                String protocol = mapping.asText().endsWith("/udp") ? "/udp" : "/tcp";
                String previous = owners.putIfAbsent(host + protocol, entry.getKey());
                if (previous != null) {
                    problems.add("host port " + host + " is published by both " + previous + " and " + entry.getKey());
                }
            }
        });
    }

    /** Nothing but {@code docker compose up}: every variable the file uses has a default. */
    private void checkVariablesHaveDefaults(JsonNode node, String where) {
        if (node.isTextual()) {
            Matcher variable = VARIABLE.matcher(node.asText());
            while (variable.find()) {
                if (!variable.group(2).startsWith(":-")) {
                    problems.add(where + ": ${" + variable.group(1) + "} has no default");
                }
            }
        } else if (node.isContainerNode()) {
            node.properties().forEach(e -> checkVariablesHaveDefaults(e.getValue(), where + "/" + e.getKey()));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                checkVariablesHaveDefaults(node.get(i), where + "/" + i);
            }
        }
    }

    private void checkTopicCreation(JsonNode services, Set<String> oneShots) {
        List<String> creators = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        for (String oneShot : oneShots) {
            String text = services.path(oneShot).path("entrypoint").toString() + "\n"
                    + commandText(services.path(oneShot).path("command"));
            if (text.contains("kafka-topics")) {
                creators.add(oneShot);
                script.append(text).append('\n');
            }
        }
        if (creators.isEmpty()) {
            problems.add("no one-shot service creates the topics (kafka-topics.sh) before the services start");
            return;
        }
        for (NewTopic topic : Topics.definitions(1, (short) 1)) {
            String line = script.toString()
                    .lines()
                    .filter(l -> l.matches(".*--topic\\s+" + Pattern.quote(topic.name()) + "(\\s.*|$)"))
                    .findFirst()
                    .orElse(null);
            if (line == null) {
                problems.add(creators + ": does not create " + topic.name());
                continue;
            }
            Map<String, String> configs = topic.configs() == null ? Map.of() : topic.configs();
            configs.forEach((key, value) -> {
                if (!line.contains("--config " + key + "=" + value)) {
                    problems.add(creators + ": creates " + topic.name() + " without " + key + "=" + value);
                }
            });
        }
        if (!script.toString().contains("--partitions")) {
            problems.add(creators + ": creates the topics without explicit --partitions");
        }
    }

    private void checkMonitoringProfile(JsonNode services) {
        for (String name : List.of("prometheus", "grafana")) {
            JsonNode profiles = services.path(name).path("profiles");
            if (services.has(name) && !profiles.toString().contains("\"monitoring\"")) {
                problems.add(name + ": not in the monitoring profile");
            }
        }
    }

    private static String commandText(JsonNode command) {
        if (command.isTextual()) {
            return command.asText();
        }
        StringBuilder text = new StringBuilder();
        command.forEach(part -> text.append(part.asText()).append('\n'));
        return text.toString();
    }

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(item -> {
                String[] pair = item.asText().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            node.properties()
                    .forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        return environment;
    }

    /** A value with {@code ${VAR:-default}} replaced by its default, as compose does when VAR is unset. */
    static String resolve(String value) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String rest = variable.group(2);
            String fallback = rest.startsWith(":-") ? rest.substring(2) : "";
            variable.appendReplacement(resolved, Matcher.quoteReplacement(fallback));
        }
        variable.appendTail(resolved);
        return resolved.toString();
    }
}
