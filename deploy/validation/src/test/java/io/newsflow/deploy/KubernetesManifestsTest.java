package io.newsflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.deploy.Kustomization.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/kubernetes: every file parses, the base and each overlay render (as kubectl apply -k would) and pass every
 * check; each check fails on the rendered base broken in one place.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Repository.ROOT.resolve("deploy/kubernetes");

    @Test
    void everyManifestParses() throws IOException {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(yaml).hasSizeGreaterThan(10);
            yaml.forEach(
                    file -> assertThat(Yaml.documents(file)).as(file.toString()).isNotEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/large"})
    void anInstallationRendersAndPassesEveryCheck(String directory) {
        Kustomization.Rendered rendered = Kustomization.render(KUBERNETES.resolve(directory));
        Kustomization.Rendered secrets = Kustomization.render(KUBERNETES.resolve("secrets"));

        assertThat(rendered.problems()).isEmpty();
        assertThat(secrets.problems()).isEmpty();
        assertThat(problems(installation(directory))).isEmpty();
        assertThat(rendered.resources())
                .extracting(Resource::kind)
                .contains(
                        "Kafka",
                        "KafkaNodePool",
                        "KafkaTopic",
                        "Elasticsearch",
                        "Cluster",
                        "Deployment",
                        "ScaledObject");
    }

    @Test
    void applyingAnInstallationLeavesTheSecretsAlone() {
        List<Resource> small =
                Kustomization.render(KUBERNETES.resolve("overlays/small")).resources();

        assertThat(small).extracting(Resource::kind).doesNotContain("Secret");
        assertThat(problems(small))
                .contains("Deployment ingest-service (ingest-service.yaml) container ingest-service: Secret"
                        + " ingest-service-secrets does not exist");
    }

    @Test
    void theOverlaysChangeWhatTheySay() {
        List<Resource> small =
                Kustomization.render(KUBERNETES.resolve("overlays/small")).resources();
        List<Resource> large =
                Kustomization.render(KUBERNETES.resolve("overlays/large")).resources();

        assertThat(find(small, "KafkaTopic", "news.articles.enriched")
                        .at("/spec/partitions")
                        .asInt())
                .isEqualTo(6);
        assertThat(find(large, "KafkaTopic", "news.articles.raw")
                        .at("/spec/partitions")
                        .asInt())
                .isEqualTo(48);
        assertThat(find(large, "ScaledObject", "enrich-service")
                        .at("/spec/maxReplicaCount")
                        .asInt())
                .isEqualTo(16);
        assertThat(find(large, "KafkaNodePool", "brokers").at("/spec/replicas").asInt())
                .isEqualTo(6);
        assertThat(find(small, "Cluster", "newsflow-postgres")
                        .at("/spec/instances")
                        .asInt())
                .isEqualTo(1);
        assertThat(find(small, "Deployment", "ingest-service")
                        .at("/metadata/namespace")
                        .asText())
                .isEqualTo("newsflow");
    }

    @Test
    void anApiVersionTheOperatorDoesNotServeIsReported() {
        List<Resource> base = base();
        find(base, "Kafka", "newsflow").put("apiVersion", "kafka.strimzi.io/v1beta2");

        assertThat(problems(base))
                .contains("Kafka newsflow (kafka.yaml): apiVersion kafka.strimzi.io/v1beta2, but Kafka is served as"
                        + " kafka.strimzi.io/v1");
    }

    @Test
    void aSelectorThatMissesThePodsIsReported() {
        List<Resource> base = base();
        ((ObjectNode) find(base, "Deployment", "ingest-service").at("/spec/selector/matchLabels"))
                .put("app.kubernetes.io/name", "ingest");
        ((ObjectNode) find(base, "Service", "search-service").at("/spec/selector"))
                .put("app.kubernetes.io/name", "search");

        assertThat(problems(base))
                .anyMatch(p -> p.startsWith("Deployment ingest-service (ingest-service.yaml): selector"))
                .contains(
                        "Service search-service (search-service.yaml): selector {\"app.kubernetes.io/name\":\"search\"}"
                                + " matches no Deployment's pods");
    }

    @Test
    void aServicePointingAtAPortNoContainerExposesIsReported() {
        List<Resource> base = base();
        ((ObjectNode) find(base, "Service", "enrich-service").at("/spec/ports/0")).put("targetPort", 8080);

        assertThat(problems(base))
                .contains("Service enrich-service (enrich-service.yaml): targetPort 8080 is not a port of Deployment"
                        + " enrich-service (enrich-service.yaml)");
    }

    @Test
    void aConfigMapKeyTheServiceDoesNotReadIsReported() {
        List<Resource> base = base();
        ObjectNode data =
                (ObjectNode) find(base, "ConfigMap", "search-service-config").path("data");
        data.set("KAFKA_BOOTSTRAP_SERVER", data.remove("KAFKA_BOOTSTRAP_SERVERS"));

        assertThat(problems(base))
                .contains(
                        "Deployment search-service (search-service.yaml) container search-service: sets"
                                + " KAFKA_BOOTSTRAP_SERVER, which the service does not read",
                        "Deployment search-service (search-service.yaml) container search-service: does not set"
                                + " KAFKA_BOOTSTRAP_SERVERS (its default is for the local stack)");
    }

    @Test
    void aProbeOffTheHealthEndpointsIsReported() {
        List<Resource> base = base();
        ObjectNode container =
                (ObjectNode) find(base, "Deployment", "ingest-service").at("/spec/template/spec/containers/0");
        ((ObjectNode) container.at("/readinessProbe/httpGet")).put("path", "/health");
        ((ObjectNode) container.at("/livenessProbe/httpGet")).put("port", "management");

        assertThat(problems(base))
                .contains(
                        "Deployment ingest-service (ingest-service.yaml) container ingest-service: readinessProbe does not"
                                + " ask /q/health/ready",
                        "Deployment ingest-service (ingest-service.yaml) container ingest-service: livenessProbe asks port"
                                + " \"management\", which the container does not expose");
    }

    @Test
    void aMisspeltContainerOrProbeFieldIsReported() {
        List<Resource> base = base();
        ObjectNode container =
                (ObjectNode) find(base, "Deployment", "enrich-service").at("/spec/template/spec/containers/0");
        container.set("resource", container.remove("resources"));
        ((ObjectNode) container.path("livenessProbe")).put("failureThresold", 3);

        assertThat(problems(base))
                .contains(
                        "Deployment enrich-service (enrich-service.yaml) container enrich-service: resource is not a field"
                                + " of a container",
                        "Deployment enrich-service (enrich-service.yaml) container enrich-service: failureThresold is not"
                                + " a field of a probe");
    }

    @Test
    void moreConsumersThanPartitionsIsReported() {
        List<Resource> base = base();
        find(base, "ScaledObject", "enrich-service").withObjectProperty("spec").put("maxReplicaCount", 5);

        assertThat(problems(base))
                .contains(
                        "ScaledObject enrich-service (enrich-service.yaml): maxReplicaCount 5 x 3 consumers per pod = 15,"
                                + " more than the 12 partitions of news.articles.raw (the extra consumers would idle)");
    }

    @Test
    void scalingOnAnotherGroupOrAgainstAFixedReplicaCountIsReported() {
        List<Resource> base = base();
        ((ObjectNode) find(base, "ScaledObject", "search-service").at("/spec/triggers/0/metadata"))
                .put("consumerGroup", "search");
        find(base, "Deployment", "search-service").withObjectProperty("spec").put("replicas", 2);

        assertThat(problems(base))
                .contains(
                        "ScaledObject search-service (search-service.yaml): watches group search on"
                                + " news.articles.enriched, the service consumes news.articles.enriched as search-service",
                        "Deployment search-service (search-service.yaml): sets replicas although ScaledObject"
                                + " search-service (search-service.yaml) owns the count");
    }

    @Test
    void tooFewBrokersForReplicationThreeIsReported() {
        List<Resource> base = base();
        find(base, "KafkaNodePool", "dual-role").withObjectProperty("spec").put("replicas", 2);

        assertThat(problems(base))
                .contains(
                        "Kafka newsflow (kafka.yaml): 2 brokers, fewer than the 3 replicas of every topic",
                        "Kafka newsflow (kafka.yaml): 2 controllers; a quorum needs an odd number, 3 or more");
    }

    @Test
    void aConfigMapNotNamedAfterItsAppIsReported() {
        List<Resource> base = base();
        find(base, "ConfigMap", "ingest-service-config")
                .withObjectProperty("metadata")
                .put("name", "ingest-env");
        ((ObjectNode) find(base, "Deployment", "ingest-service")
                        .at("/spec/template/spec/containers/0/envFrom/0/configMapRef"))
                .put("name", "ingest-env");

        assertThat(problems(base))
                .contains(
                        "Deployment ingest-service (ingest-service.yaml) container ingest-service: ConfigMap ingest-env"
                                + " is not named ingest-service-config");
    }

    @Test
    void anEnrichedTopicThatIsNotCompactedIsReported() {
        List<Resource> base = base();
        ((ObjectNode) find(base, "KafkaTopic", "news.articles.enriched").at("/spec/config")).remove("cleanup.policy");
        find(base, "KafkaTopic", "news.articles.dlq").withObjectProperty("spec").put("replicas", 1);

        assertThat(problems(base))
                .contains(
                        "KafkaTopic news.articles.enriched (kafka-topics.yaml): cleanup.policy is unset, the contract says"
                                + " compact",
                        "KafkaTopic news.articles.dlq (kafka-topics.yaml): replicas 1, not 3");
    }

    @Test
    void aRealSecretValueIsReported() {
        List<Resource> base = base();
        find(base, "Secret", "ingest-service-secrets")
                .withObjectProperty("stringData")
                .put("NEWSFLOW_ADMIN_KEY", "s3cr3t");

        assertThat(problems(base))
                .contains("Secret ingest-service-secrets (secrets.yaml): NEWSFLOW_ADMIN_KEY holds a value, not the"
                        + " placeholder change-me (real secrets never go in the repository)");
    }

    @Test
    void referencesToMissingObjectsAndHostsAreReported() {
        List<Resource> base = base();
        ObjectNode container =
                (ObjectNode) find(base, "Deployment", "enrich-service").at("/spec/template/spec/containers/0");
        ((ObjectNode) container.at("/env/1/valueFrom/secretKeyRef")).put("name", "postgres-credentials");
        ((ObjectNode) find(base, "ConfigMap", "enrich-service-config").path("data"))
                .put("KAFKA_BOOTSTRAP_SERVERS", "kafka-bootstrap:9092");

        assertThat(problems(base))
                .contains(
                        "Deployment enrich-service (enrich-service.yaml) container enrich-service env"
                                + " QUARKUS_DATASOURCE_PASSWORD: Secret postgres-credentials key password is neither in"
                                + " the manifests nor made by an operator",
                        "Deployment enrich-service (enrich-service.yaml) container enrich-service: KAFKA_BOOTSTRAP_SERVERS"
                                + " points at kafka-bootstrap:9092, which no Service or operator-made Service is");
    }

    @Test
    void anElasticsearchWithoutThePluginImageIsReported() {
        List<Resource> base = base();
        find(base, "Elasticsearch", "newsflow").withObjectProperty("spec").remove("image");

        assertThat(problems(base))
                .contains(
                        "Elasticsearch newsflow (elasticsearch.yaml): no image, so the analysis plugin the index needs"
                                + " is not installed");
    }

    @Test
    void aMissingResourceFileIsReported() {
        Path directory = Repository.broken("kustomize/missing-resource");

        assertThat(Kustomization.render(directory).problems())
                .containsExactly(directory.resolve("kustomization.yaml") + ": resource nowhere.yaml does not exist");
    }

    @Test
    void aPatchOfAnObjectOrFieldThatIsNotThereIsReported() {
        Path directory = Repository.broken("kustomize/bad-patches");

        assertThat(Kustomization.render(directory).problems())
                .containsExactlyInAnyOrder(
                        directory.resolve("kustomization.yaml") + ": patch replicas.yaml targets Deployment gone, which"
                                + " no resource is",
                        directory.resolve("replicas.yaml")
                                + " on Deployment web (deployment.yaml): replace /spec/replicas:" + " nothing there",
                        directory.resolve("kustomization.yaml")
                                + ": commonLabels is not understood by deploy/validation" + " (teach it first)");
    }

    @Test
    void aFileThatIsNotYamlIsReported() {
        Path directory = Repository.broken("kustomize/not-yaml");

        assertThat(Kustomization.render(directory).problems())
                .singleElement()
                .asString()
                .startsWith(directory.resolve("broken.yaml") + " is not valid YAML");
    }

    /** The base, as the checks see every installation. */
    private static List<Resource> base() {
        List<Resource> base = installation("base");
        assertThat(problems(base)).isEmpty();
        return base;
    }

    /** What runs: an overlay (or the base) plus the Secrets, which are applied once on their own. */
    private static List<Resource> installation(String directory) {
        List<Resource> resources = new ArrayList<>(
                Kustomization.render(KUBERNETES.resolve(directory)).resources());
        resources.addAll(Kustomization.render(KUBERNETES.resolve("secrets")).resources());
        return resources;
    }

    private static ObjectNode find(List<Resource> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.kind().equals(kind) && r.name().equals(name))
                .map(Resource::object)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<String> problems(List<Resource> resources) {
        return new KubernetesCheck(resources, Repository.APPLICATIONS, Repository.VERSIONS).problems();
    }
}
