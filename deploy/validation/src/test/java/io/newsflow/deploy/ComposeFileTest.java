package io.newsflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml passes every check, and each check fails on a copy of it broken in one place (the compose file
 * is checked as Docker would read it: the same tree, changed in memory).
 */
class ComposeFileTest {

    @Test
    void theComposeFilePassesEveryCheck() {
        assertThat(problems(compose())).isEmpty();
    }

    @Test
    void monitoringIsWiredToTheGrafanaFilesOnceTheyExist() {
        ObjectNode grafana = service(compose(), "grafana");
        assertThat(grafana.path("profiles").toString()).contains("monitoring");
        assertThat(grafana.path("volumes").toString())
                .contains(
                        "./deploy/grafana/provisioning/datasources",
                        "./deploy/grafana/dashboards:/var/lib/grafana/dashboards");
        assertThat(service(compose(), "prometheus").path("volumes").toString())
                .contains("./deploy/grafana/prometheus.yml:/etc/prometheus/prometheus.yml");

        // deploy/grafana is written by the observability work; until it lands there is nothing more to check
        Path directory = Repository.ROOT.resolve(ComposeCheck.GRAFANA_DIRECTORY);
        if (Files.isDirectory(directory)) {
            assertThat(problems(compose())).noneMatch(p -> p.contains("deploy/grafana"));
            assertThat(directory.resolve("dashboards/newsflow.json")).isRegularFile();
            assertThat(directory.resolve("provisioning/dashboards/newsflow.yml"))
                    .isRegularFile();
            String targets = Yaml.document(directory.resolve("prometheus.yml")).toString();
            Repository.APPLICATIONS.forEach((name, application) -> assertThat(targets)
                    .as("Prometheus scrapes the compose service " + name)
                    .contains(name + ":" + application.httpPort()));
            assertThat(Yaml.document(directory.resolve("provisioning/datasources/prometheus.yml"))
                            .toString())
                    .contains("http://prometheus:9090");
        }
    }

    @Test
    void aServiceWithoutHealthCheckIsReported() {
        ObjectNode compose = compose();
        service(compose, "postgres").remove("healthcheck");
        ObjectNode kafka = service(compose, "kafka");
        kafka.set("healtcheck", kafka.remove("healthcheck"));

        assertThat(problems(compose))
                .contains(
                        "postgres: no health check",
                        "kafka: no health check",
                        "kafka: healtcheck is not a service field");
    }

    @Test
    void anImageWithoutVersionIsReported() {
        ObjectNode compose = compose();
        service(compose, "postgres").put("image", "postgres");
        service(compose, "grafana").put("image", "grafana/grafana:latest");

        assertThat(problems(compose))
                .contains(
                        "postgres: image postgres has no tag (that is :latest)",
                        "grafana: image grafana/grafana:latest is not pinned to a version");
    }

    @Test
    void anotherKafkaThanTheBuildsIsReported() {
        ObjectNode compose = compose();
        service(compose, "kafka").put("image", "apache/kafka:3.9.1");

        assertThat(problems(compose)).anyMatch(p -> p.startsWith("kafka: runs Kafka 3.9.1"));
    }

    @Test
    void aMissingOrUnknownVariableIsReported() {
        ObjectNode compose = compose();
        ObjectNode environment = service(compose, "enrich-service").withObjectProperty("environment");
        environment.remove("KAFKA_BOOTSTRAP_SERVERS");
        environment.put("NEWSFLOW_ADMIN_KY", "typo");

        assertThat(problems(compose))
                .contains(
                        "enrich-service: does not set KAFKA_BOOTSTRAP_SERVERS (its default is for the local stack)",
                        "enrich-service: sets NEWSFLOW_ADMIN_KY, which the service does not read");
    }

    @Test
    void collidingHostPortsAreReported() {
        ObjectNode compose = compose();
        service(compose, "grafana").putArray("ports").add("${NEWSFLOW_GRAFANA_PORT:-8081}:3000");

        assertThat(problems(compose)).contains("host port 8081 is published by both ingest-service and grafana");
    }

    @Test
    void aDependencyThatIsNotWaitedForIsReported() {
        ObjectNode compose = compose();
        service(compose, "search-service")
                .withObjectProperty("depends_on")
                .withObjectProperty("elasticsearch")
                .put("condition", "service_started");
        service(compose, "ingest-service").putArray("depends_on").add("postgres");

        assertThat(problems(compose))
                .contains(
                        "search-service: depends on elasticsearch with service_started, not service_healthy",
                        "ingest-service: depends_on is a list, so it waits for nothing; use condition: service_healthy");
    }

    @Test
    void aOneShotThatRestartsAndADependencyOnAnOptionalProfileAreReported() {
        ObjectNode compose = compose();
        service(compose, "kafka-init").put("restart", "always");
        service(compose, "search-service")
                .withObjectProperty("depends_on")
                .putObject("prometheus")
                .put("condition", "service_healthy");

        assertThat(problems(compose))
                .contains(
                        "kafka-init: others wait for it to complete, so it must not be restarted",
                        "search-service: depends on prometheus, which runs only in profile [\"monitoring\"]");
    }

    @Test
    void aMissingContractServiceIsReported() {
        ObjectNode compose = compose();
        ((ObjectNode) compose.path("services")).remove("grafana");

        assertThat(problems(compose)).contains("service grafana is missing (other files name it)");
    }

    @Test
    void anEnrichedTopicThatIsNotCompactedIsReported() {
        ObjectNode compose = compose();
        ArrayNode command = (ArrayNode) service(compose, "kafka-init").path("command");
        command.set(0, TextNode.valueOf(command.get(0).asText().replace("--config cleanup.policy=compact", "")));

        assertThat(problems(compose))
                .contains("[kafka-init]: creates news.articles.enriched without cleanup.policy=compact");
    }

    @Test
    void aVariableWithoutDefaultIsReported() {
        ObjectNode compose = compose();
        service(compose, "postgres").withObjectProperty("environment").put("POSTGRES_PASSWORD", "${POSTGRES_PASSWORD}");

        assertThat(problems(compose))
                .contains("/services/postgres/environment/POSTGRES_PASSWORD: ${POSTGRES_PASSWORD} has no default");
    }

    @Test
    void anUndeclaredVolumeIsReported() {
        ObjectNode compose = compose();
        compose.withObjectProperty("volumes").remove("postgres-data");

        assertThat(problems(compose)).contains("postgres: volume postgres-data is not declared under volumes");
    }

    @Test
    void aDockerfileCopyingWhatTheBuildDoesNotMakeIsReported() {
        ObjectNode compose = compose();
        ObjectNode build = service(compose, "ingest-service").withObjectProperty("build");
        build.put("context", Repository.broken("dockerfile").toString());
        build.put("dockerfile", "Dockerfile.jvm");

        assertThat(problems(compose))
                .anyMatch(p -> p.startsWith("ingest-service: ") && p.contains("copies target/quarkus-app/missing.jar"));
    }

    @Test
    void anElasticsearchOtherThanThePluginsIsReported() {
        Versions newer = new Versions(Repository.VERSIONS.project(), Repository.VERSIONS.kafka(), "9.3.0");

        assertThat(new ComposeCheck(compose(), Repository.ROOT, Repository.APPLICATIONS, newer).problems())
                .contains("elasticsearch: the Dockerfile builds on Elasticsearch " + Repository.VERSIONS.elasticsearch()
                        + ", the analysis plugin is built for 9.3.0");
    }

    private static ObjectNode compose() {
        return (ObjectNode) Yaml.document(Repository.ROOT.resolve("docker-compose.yml"));
    }

    private static ObjectNode service(ObjectNode compose, String name) {
        return (ObjectNode) compose.path("services").path(name);
    }

    private static List<String> problems(ObjectNode compose) {
        return new ComposeCheck(compose, Repository.ROOT, Repository.APPLICATIONS, Repository.VERSIONS).problems();
    }
}
