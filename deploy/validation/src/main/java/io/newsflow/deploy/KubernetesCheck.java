package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.deploy.Kustomization.Resource;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The rendered manifests of one installation against what the operators serve and what the services read: kinds
 * and API versions, selectors and ports that line up, probes on the health endpoints, ConfigMap and Secret keys that
 * are variables the services read (and every one they need), references to objects that exist or that an operator
 * creates, topics as the contract defines them with replication 3, and autoscaling bounded by the partitions.
 */
public final class KubernetesCheck {

    /**
     * The API versions the operators serve for each kind: Strimzi 0.49 and later ({@code kafka.strimzi.io/v1}; 1.0
     * removed v1beta2), ECK 2.x/3.x, CloudNativePG 1.x, KEDA 2.x.
     */
    public static final Map<String, String> SERVED = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Secret", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("Kafka", "kafka.strimzi.io/v1"),
            Map.entry("KafkaNodePool", "kafka.strimzi.io/v1"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1"),
            Map.entry("Elasticsearch", "elasticsearch.k8s.elastic.co/v1"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("ScaledObject", "keda.sh/v1alpha1"));

    /** The keys of the Secret CloudNativePG creates for a cluster's application user ({@code <cluster>-app}). */
    static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "user", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

    /**
     * The fields of a container and of a probe (Kubernetes core/v1), so that a misspelt one, which the API server
     * would drop with a warning, fails here instead.
     */
    static final Set<String> CONTAINER_FIELDS = Set.of(
            "name",
            "image",
            "imagePullPolicy",
            "command",
            "args",
            "workingDir",
            "ports",
            "env",
            "envFrom",
            "resources",
            "resizePolicy",
            "restartPolicy",
            "volumeMounts",
            "volumeDevices",
            "livenessProbe",
            "readinessProbe",
            "startupProbe",
            "lifecycle",
            "terminationMessagePath",
            "terminationMessagePolicy",
            "securityContext",
            "stdin",
            "stdinOnce",
            "tty");

    static final Set<String> PROBE_FIELDS = Set.of(
            "httpGet",
            "tcpSocket",
            "exec",
            "grpc",
            "initialDelaySeconds",
            "timeoutSeconds",
            "periodSeconds",
            "successThreshold",
            "failureThreshold",
            "terminationGracePeriodSeconds");

    /** The only value a Secret in the repository may hold. */
    public static final String PLACEHOLDER = "change-me";

    private static final Pattern HOST_PORT = Pattern.compile("(?:^|//|,)([a-z0-9][a-z0-9.-]*):(\\d+)");

    private final List<Resource> resources;
    private final Map<String, ServiceConfig> applications;
    private final Versions versions;
    private final List<String> problems = new ArrayList<>();
    /** Kafka consumers one pod of each consuming Deployment runs, from its configuration. */
    private final Map<String, Integer> deploymentConsumers = new LinkedHashMap<>();

    public KubernetesCheck(List<Resource> resources, Map<String, ServiceConfig> applications, Versions versions) {
        this.resources = resources;
        this.applications = applications;
        this.versions = versions;
    }

    public List<String> problems() {
        problems.clear();
        Set<String> seen = new HashSet<>();
        for (Resource resource : resources) {
            checkKind(resource);
            if (!seen.add(resource.kind() + "/" + resource.name())) {
                problems.add(resource + ": defined twice");
            }
        }
        all("Deployment").forEach(this::checkDeployment);
        all("Service").forEach(this::checkService);
        all("Secret").forEach(this::checkSecret);
        all("Kafka").forEach(this::checkKafka);
        all("KafkaNodePool")
                .forEach(pool ->
                        requireKafka(pool, pool.object().path("metadata").path("labels")));
        checkTopics();
        all("Elasticsearch").forEach(this::checkElasticsearch);
        all("Cluster").forEach(this::checkPostgres);
        all("ScaledObject").forEach(this::checkScaledObject);
        for (ServiceConfig application : applications.values()) {
            if (find("Deployment", application.name()).isEmpty()) {
                problems.add("no Deployment " + application.name());
            } else if (!application.incoming().isEmpty()
                    && all("ScaledObject").stream()
                            .noneMatch(s -> application
                                    .name()
                                    .equals(s.object()
                                            .path("spec")
                                            .path("scaleTargetRef")
                                            .path("name")
                                            .asText()))) {
                problems.add(
                        "Deployment " + application.name() + " consumes Kafka but no ScaledObject scales it on lag");
            }
        }
        return problems;
    }

    private void checkKind(Resource resource) {
        String apiVersion = resource.object().path("apiVersion").asText();
        if (resource.kind().isEmpty() || resource.name().isEmpty()) {
            problems.add(resource + ": no kind or metadata.name");
            return;
        }
        String served = SERVED.get(resource.kind());
        if (served == null) {
            problems.add(resource + ": kind " + resource.kind() + " is not one this deployment expects");
        } else if (!served.equals(apiVersion)) {
            problems.add(
                    resource + ": apiVersion " + apiVersion + ", but " + resource.kind() + " is served as " + served);
        }
    }

    private void checkDeployment(Resource deployment) {
        JsonNode spec = deployment.object().path("spec");
        JsonNode matchLabels = spec.path("selector").path("matchLabels");
        JsonNode podLabels = spec.path("template").path("metadata").path("labels");
        if (matchLabels.isEmpty()) {
            problems.add(deployment + ": no selector.matchLabels");
        } else if (!contains(podLabels, matchLabels)) {
            problems.add(deployment + ": selector " + matchLabels + " does not match the pod labels " + podLabels);
        }
        ServiceConfig application = applications.get(deployment.name());
        for (JsonNode container : PodSpecs.containers(deployment.object())) {
            String where = deployment + " container " + container.path("name").asText();
            container.fieldNames().forEachRemaining(field -> {
                if (!CONTAINER_FIELDS.contains(field)) {
                    problems.add(where + ": " + field + " is not a field of a container");
                }
            });
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                container.path(probe).fieldNames().forEachRemaining(field -> {
                    if (!PROBE_FIELDS.contains(field)) {
                        problems.add(where + ": " + field + " is not a field of a probe");
                    }
                });
            }
            Images.unpinned(container.path("image").asText(null)).ifPresent(why -> problems.add(where + ": " + why));
            checkProbe(where, container, "readinessProbe", "/q/health/ready");
            checkProbe(where, container, "livenessProbe", "/q/health/live");
            JsonNode resourcesNode = container.path("resources");
            for (String required : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                if (resourcesNode.at("/" + required).isMissingNode()) {
                    problems.add(where + ": no resources." + required.replace('/', '.'));
                }
            }
            if (application != null) {
                checkApplicationContainer(where, deployment, container, application);
            }
        }
    }

    private void checkProbe(String where, JsonNode container, String probe, String path) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        if (!httpGet.path("path").asText().equals(path)) {
            problems.add(where + ": " + probe + " does not ask " + path);
        } else if (!exposes(container, httpGet.path("port"))) {
            problems.add(where + ": " + probe + " asks port " + httpGet.path("port") + ", which the container does not"
                    + " expose");
        }
    }

    private void checkApplicationContainer(
            String where, Resource deployment, JsonNode container, ServiceConfig application) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asText();
                if (!name.equals(application.name() + "-config")) {
                    problems.add(where + ": ConfigMap " + name + " is not named " + application.name() + "-config");
                }
                find("ConfigMap", name)
                        .ifPresentOrElse(
                                map -> map.object()
                                        .path("data")
                                        .properties()
                                        .forEach(e -> environment.put(
                                                e.getKey(), e.getValue().asText())),
                                () -> problems.add(where + ": ConfigMap " + name + " does not exist"));
            }
            if (source.has("secretRef")) {
                String name = source.path("secretRef").path("name").asText();
                if (!name.equals(application.name() + "-secrets")) {
                    problems.add(where + ": Secret " + name + " is not named " + application.name() + "-secrets");
                }
                find("Secret", name)
                        .ifPresentOrElse(
                                secret -> secretKeys(secret).forEach(key -> environment.put(key, "(secret)")),
                                () -> problems.add(where + ": Secret " + name + " does not exist"));
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            environment.put(name, variable.path("value").asText("(reference)"));
            checkReference(where + " env " + name, variable.path("valueFrom"));
        }
        for (String variable : environment.keySet()) {
            if (!application.knownEnv().contains(variable)) {
                problems.add(where + ": sets " + variable + ", which the service does not read");
            }
        }
        for (String required : application.requiredEnv()) {
            if (!environment.containsKey(required)) {
                problems.add(where + ": does not set " + required + " (its default is for the local stack)");
            }
        }
        if (!all("KafkaTopic").isEmpty() && !"false".equals(environment.get("NEWSFLOW_KAFKA_PROVISION_TOPICS"))) {
            problems.add(where + ": topics are KafkaTopic resources, so NEWSFLOW_KAFKA_PROVISION_TOPICS must be false");
        }
        Set<String> hosts = reachableHosts();
        environment.forEach((name, value) -> {
            Matcher hostPort = HOST_PORT.matcher(value);
            while (hostPort.find()) {
                String host = hostPort.group(1);
                String shortName = host.split("\\.")[0];
                if (!hosts.contains(shortName + ":" + hostPort.group(2))) {
                    problems.add(where + ": " + name + " points at " + host + ":" + hostPort.group(2)
                            + ", which no Service or operator-made Service is");
                }
            }
        });
        int port =
                Integer.parseInt(environment.getOrDefault("QUARKUS_HTTP_PORT", String.valueOf(application.httpPort())));
        boolean exposed = false;
        for (JsonNode containerPort : container.path("ports")) {
            exposed |= containerPort.path("containerPort").asInt() == port;
        }
        if (!exposed) {
            problems.add(where + ": the service listens on " + port + ", which the container does not expose");
        }
        application.incoming().values().forEach(incoming -> {
            String concurrency = environment.get(incoming.concurrencyEnv());
            deploymentConsumers.put(
                    deployment.name(), concurrency == null ? incoming.concurrency() : Integer.parseInt(concurrency));
        });
    }

    /** A valueFrom names a key of an object that is in the manifests or that an operator makes. */
    private void checkReference(String where, JsonNode valueFrom) {
        if (valueFrom.isMissingNode()) {
            return;
        }
        JsonNode secretKey = valueFrom.path("secretKeyRef");
        if (!secretKey.isMissingNode()) {
            String name = secretKey.path("name").asText();
            String key = secretKey.path("key").asText();
            Optional<Resource> secret = find("Secret", name);
            boolean known = secret.map(s -> secretKeys(s).contains(key)).orElse(false)
                    || all("Cluster").stream()
                            .anyMatch(c -> name.equals(c.name() + "-app") && CNPG_APP_SECRET_KEYS.contains(key))
                    || all("Elasticsearch").stream()
                            .anyMatch(e -> name.equals(e.name() + "-es-elastic-user") && key.equals("elastic"));
            if (!known) {
                problems.add(where + ": Secret " + name + " key " + key + " is neither in the manifests nor made by an"
                        + " operator");
            }
        }
        JsonNode mapKey = valueFrom.path("configMapKeyRef");
        if (!mapKey.isMissingNode()) {
            String name = mapKey.path("name").asText();
            String key = mapKey.path("key").asText();
            if (find("ConfigMap", name)
                    .map(m -> !m.object().path("data").has(key))
                    .orElse(true)) {
                problems.add(where + ": ConfigMap " + name + " has no key " + key);
            }
        }
    }

    /** Services by {@code name:port}: those in the manifests and those the operators create. */
    private Set<String> reachableHosts() {
        Set<String> hosts = new TreeSet<>();
        all("Service")
                .forEach(s -> s.object()
                        .path("spec")
                        .path("ports")
                        .forEach(p -> hosts.add(s.name() + ":" + p.path("port").asInt())));
        all("Kafka")
                .forEach(k -> k.object()
                        .path("spec")
                        .path("kafka")
                        .path("listeners")
                        .forEach(l -> hosts.add(
                                k.name() + "-kafka-bootstrap:" + l.path("port").asInt())));
        all("Elasticsearch").forEach(e -> hosts.add(e.name() + "-es-http:9200"));
        all("Cluster")
                .forEach(c -> List.of("-rw", "-ro", "-r").forEach(suffix -> hosts.add(c.name() + suffix + ":5432")));
        return hosts;
    }

    private void checkService(Resource service) {
        JsonNode selector = service.object().path("spec").path("selector");
        if (selector.isEmpty()) {
            problems.add(service + ": no selector");
            return;
        }
        List<Resource> backends = all("Deployment").stream()
                .filter(d -> contains(
                        d.object()
                                .path("spec")
                                .path("template")
                                .path("metadata")
                                .path("labels"),
                        selector))
                .toList();
        if (backends.isEmpty()) {
            problems.add(service + ": selector " + selector + " matches no Deployment's pods");
            return;
        }
        for (JsonNode port : service.object().path("spec").path("ports")) {
            JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
            for (Resource backend : backends) {
                boolean exposed = PodSpecs.containers(backend.object()).stream().anyMatch(c -> exposes(c, target));
                if (!exposed) {
                    problems.add(service + ": targetPort " + target + " is not a port of " + backend);
                }
            }
        }
    }

    private void checkSecret(Resource secret) {
        JsonNode object = secret.object();
        object.path("stringData").properties().forEach(e -> {
            if (!e.getValue().asText().equals(PLACEHOLDER)) {
                problems.add(secret + ": " + e.getKey() + " holds a value, not the placeholder " + PLACEHOLDER
                        + " (real secrets never go in the repository)");
            }
        });
        object.path("data").properties().forEach(e -> {
            String value = new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8);
            if (!value.equals(PLACEHOLDER)) {
                problems.add(secret + ": " + e.getKey() + " holds a value, not the placeholder " + PLACEHOLDER);
            }
        });
    }

    private void checkKafka(Resource kafka) {
        JsonNode spec = kafka.object().path("spec").path("kafka");
        if (!spec.path("version").asText().equals(versions.kafka())) {
            problems.add(kafka + ": Kafka " + spec.path("version").asText() + ", the build and the local stack run "
                    + versions.kafka());
        }
        int brokers = poolReplicas(kafka.name(), "broker");
        int controllers = poolReplicas(kafka.name(), "controller");
        if (brokers < 3) {
            problems.add(kafka + ": " + brokers + " brokers, fewer than the 3 replicas of every topic");
        }
        if (controllers < 3 || controllers % 2 == 0) {
            problems.add(kafka + ": " + controllers + " controllers; a quorum needs an odd number, 3 or more");
        }
        JsonNode config = spec.path("config");
        if (config.path("min.insync.replicas").asInt() != 2
                || config.path("default.replication.factor").asInt() != 3) {
            problems.add(kafka + ": default.replication.factor 3 and min.insync.replicas 2 expected");
        }
    }

    private int poolReplicas(String cluster, String role) {
        return all("KafkaNodePool").stream()
                .filter(p -> cluster.equals(p.object()
                        .path("metadata")
                        .path("labels")
                        .path("strimzi.io/cluster")
                        .asText()))
                .filter(p -> p.object().path("spec").path("roles").toString().contains("\"" + role + "\""))
                .mapToInt(p -> p.object().path("spec").path("replicas").asInt())
                .sum();
    }

    private void requireKafka(Resource resource, JsonNode labels) {
        String cluster = labels.path("strimzi.io/cluster").asText();
        if (find("Kafka", cluster).isEmpty()) {
            problems.add(resource + ": strimzi.io/cluster " + cluster + " is not a Kafka in the manifests");
        }
    }

    private void checkTopics() {
        for (NewTopic topic : Topics.definitions(1, (short) 1)) {
            Optional<Resource> found = topic(topic.name());
            if (found.isEmpty()) {
                problems.add("no KafkaTopic " + topic.name());
                continue;
            }
            Resource resource = found.get();
            requireKafka(resource, resource.object().path("metadata").path("labels"));
            JsonNode spec = resource.object().path("spec");
            if (spec.path("partitions").asInt() < 1) {
                problems.add(resource + ": no partitions");
            }
            if (spec.path("replicas").asInt() != 3) {
                problems.add(resource + ": replicas " + spec.path("replicas").asInt() + ", not 3");
            }
            JsonNode config = spec.path("config");
            if (config.path("min.insync.replicas").asInt() != 2) {
                problems.add(resource + ": min.insync.replicas is not 2");
            }
            Map<String, String> expected = topic.configs() == null ? Map.of() : topic.configs();
            expected.forEach((key, value) -> {
                if (!config.path(key).asText().equals(value)) {
                    problems.add(resource + ": " + key + " is "
                            + config.path(key).asText("unset") + ", the contract" + " says " + value);
                }
            });
        }
    }

    private Optional<Resource> topic(String name) {
        return all("KafkaTopic").stream()
                .filter(t ->
                        name.equals(t.object().path("spec").path("topicName").asText(t.name())))
                .findFirst();
    }

    private void checkElasticsearch(Resource elasticsearch) {
        JsonNode spec = elasticsearch.object().path("spec");
        if (!spec.path("version").asText().equals(versions.elasticsearch())) {
            problems.add(elasticsearch + ": version " + spec.path("version").asText() + ", the analysis plugin is built"
                    + " for " + versions.elasticsearch());
        }
        String image = spec.path("image").asText(null);
        if (image == null) {
            problems.add(elasticsearch + ": no image, so the analysis plugin the index needs is not installed");
        } else {
            Images.unpinned(image).ifPresent(why -> problems.add(elasticsearch + ": " + why));
            if (!Images.tag(image).orElse("").startsWith(versions.elasticsearch())) {
                problems.add(
                        elasticsearch + ": image " + image + " does not say Elasticsearch " + versions.elasticsearch());
            }
        }
        int nodes = 0;
        for (JsonNode nodeSet : spec.path("nodeSets")) {
            nodes += nodeSet.path("count").asInt();
        }
        if (nodes < 3) {
            problems.add(elasticsearch + ": " + nodes + " nodes, fewer than 3");
        }
    }

    private void checkPostgres(Resource cluster) {
        JsonNode spec = cluster.object().path("spec");
        if (spec.path("instances").asInt() < 1) {
            problems.add(cluster + ": no instances");
        }
        Images.unpinned(spec.path("imageName").asText(null)).ifPresent(why -> problems.add(cluster + ": " + why));
    }

    private void checkScaledObject(Resource scaledObject) {
        JsonNode spec = scaledObject.object().path("spec");
        String targetName = spec.path("scaleTargetRef").path("name").asText();
        Optional<Resource> target = find("Deployment", targetName);
        if (target.isEmpty()) {
            problems.add(scaledObject + ": scales Deployment " + targetName + ", which does not exist");
            return;
        }
        if (target.get().object().path("spec").has("replicas")) {
            problems.add(target.get() + ": sets replicas although " + scaledObject + " owns the count");
        }
        int min = spec.path("minReplicaCount").asInt(0);
        int max = spec.path("maxReplicaCount").asInt(100);
        if (min > max) {
            problems.add(scaledObject + ": minReplicaCount " + min + " above maxReplicaCount " + max);
        }
        ServiceConfig application = applications.get(targetName);
        for (JsonNode trigger : spec.path("triggers")) {
            if (!trigger.path("type").asText().equals("kafka")) {
                problems.add(scaledObject + ": a " + trigger.path("type").asText() + " trigger, not Kafka lag");
                continue;
            }
            JsonNode metadata = trigger.path("metadata");
            String topicName = metadata.path("topic").asText();
            String group = metadata.path("consumerGroup").asText();
            if (application != null) {
                ServiceConfig.Incoming incoming = application.onlyIncoming();
                if (!incoming.group().equals(group) || !incoming.topic().equals(topicName)) {
                    problems.add(scaledObject + ": watches group " + group + " on " + topicName + ", the service"
                            + " consumes " + incoming.topic() + " as " + incoming.group());
                }
            }
            Matcher bootstrap =
                    HOST_PORT.matcher(metadata.path("bootstrapServers").asText());
            boolean known = bootstrap.find()
                    && reachableHosts().contains(bootstrap.group(1).split("\\.")[0] + ":" + bootstrap.group(2));
            if (!known) {
                problems.add(scaledObject + ": bootstrapServers "
                        + metadata.path("bootstrapServers").asText()
                        + " is not a Kafka bootstrap Service in the manifests");
            }
            Optional<Resource> topic = topic(topicName);
            if (topic.isEmpty()) {
                problems.add(scaledObject + ": topic " + topicName + " is not a KafkaTopic");
                continue;
            }
            int partitions =
                    topic.get().object().path("spec").path("partitions").asInt();
            int consumers = deploymentConsumers.getOrDefault(targetName, 1);
            if (max * consumers > partitions) {
                problems.add(scaledObject + ": maxReplicaCount " + max + " x " + consumers + " consumers per pod = "
                        + max * consumers + ", more than the " + partitions + " partitions of " + topicName
                        + " (the extra consumers would idle)");
            }
        }
    }

    private boolean exposes(JsonNode container, JsonNode port) {
        for (JsonNode containerPort : container.path("ports")) {
            if (port.isInt() && containerPort.path("containerPort").asInt() == port.asInt()) {
                return true;
            }
            if (port.isTextual() && containerPort.path("name").asText().equals(port.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode labels, JsonNode selector) {
        if (!labels.isObject()) {
            return false;
        }
        for (var entry : selector.properties()) {
            if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> secretKeys(Resource secret) {
        Set<String> keys = new TreeSet<>();
        secret.object().path("stringData").fieldNames().forEachRemaining(keys::add);
        secret.object().path("data").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private List<Resource> all(String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    private Optional<Resource> find(String kind, String name) {
        return resources.stream()
                .filter(r -> r.kind().equals(kind) && r.name().equals(name))
                .findFirst();
    }
}
