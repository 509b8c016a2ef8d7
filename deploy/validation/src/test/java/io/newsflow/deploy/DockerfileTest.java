package io.newsflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfiles copy what the build really produced: the Quarkus layout of each service's target/quarkus-app and
 * the analysis plugin zip, built before this module (its pom depends on them).
 */
class DockerfileTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void aServiceImageCopiesTheQuarkusBuild(String service) {
        Path module = Repository.ROOT.resolve(service);
        assertThat(module.resolve("target/quarkus-app/quarkus-run.jar"))
                .as("package the services first: ./mvnw package -DskipTests -pl " + service)
                .isRegularFile();
        DockerfileCheck check = new DockerfileCheck(module.resolve("src/main/docker/Dockerfile.jvm"), module);

        assertThat(check.problems()).isEmpty();
        assertThat(check.copiedSources())
                .containsExactly(
                        "target/quarkus-app/lib/",
                        "target/quarkus-app/*.jar",
                        "target/quarkus-app/app/",
                        "target/quarkus-app/quarkus/");
    }

    @Test
    void theElasticsearchImageInstallsThePluginBuiltForItsVersion() throws IOException {
        Path module = Repository.ROOT.resolve("deploy/analysis-plugin");
        DockerfileCheck check = new DockerfileCheck(Repository.ROOT.resolve("deploy/elasticsearch/Dockerfile"), module);
        Properties descriptor = new Properties();
        try (Reader reader =
                Files.newBufferedReader(module.resolve("target/plugin/stable-plugin-descriptor.properties"))) {
            descriptor.load(reader);
        }

        assertThat(check.problems()).isEmpty();
        assertThat(check.copiedSources()).containsExactly("target/" + Repository.VERSIONS.analysisPluginZip());
        assertThat(check.baseImageTag()).contains(descriptor.getProperty("elasticsearch.version"));
    }

    @Test
    void aCopyOfSomethingNotBuiltAndAnUnpinnedBaseAreReported() {
        Path context = Repository.broken("dockerfile");
        Path dockerfile = context.resolve("Dockerfile.jvm");

        assertThat(new DockerfileCheck(dockerfile, context).problems())
                .containsExactly(
                        dockerfile + ": image registry.access.redhat.com/ubi9/openjdk-21 has no tag (that is :latest)",
                        dockerfile + ": copies target/quarkus-app/missing.jar, which is not in its context " + context
                                + " (build it first, or the build no longer produces it)");
    }
}
