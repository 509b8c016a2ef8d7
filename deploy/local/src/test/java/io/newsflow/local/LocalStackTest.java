package io.newsflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher against the real engines, on a home and ports of its own so it never touches another stack. */
class LocalStackTest {

    private static final Path HOME = StackConfig.usableHome(Path.of("target", "launcher-test-home"));
    private static final StackConfig CONFIG =
            new StackConfig("launcher-test", HOME, 29092, 29093, 29200, 29300, 25432, 28081, 28082, 28083);

    @BeforeAll
    @AfterAll
    static void nothingRunning() {
        new LocalStack(CONFIG).stop(HOME);
    }

    @Test
    void startsOnceReusesRunningEnginesAndStopsWithoutLeavingProcesses() throws Exception {
        LocalStack stack = new LocalStack(CONFIG);

        List<String> first = stack.startEngines();
        assertThat(first).hasSize(3).allMatch(line -> line.contains("started"));
        List<Long> pids = enginePids();
        assertThat(pids)
                .hasSize(3)
                .allMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        List<String> second = new LocalStack(CONFIG).startEngines();
        assertThat(second).hasSize(3).allMatch(line -> line.contains("reused"));
        assertThat(enginePids()).isEqualTo(pids);
        assertThat(get("http://" + CONFIG.elasticsearchHost() + "/_cat/plugins?h=component"))
                .contains(AnalysisPlugin.NAME);

        // as if the node had been started before this build of the plugin was installed
        Files.writeString(CONFIG.stackDir().resolve("elasticsearch").resolve(AnalysisPlugin.NAME + ".sha256"), "old\n");
        assertThat(stack.status(HOME))
                .anyMatch(line -> line.startsWith("Elasticsearch") && line.contains("without the current"));
        List<String> third = new LocalStack(CONFIG).startEngines();
        assertThat(third)
                .containsExactly(second.get(0), third.get(1), second.get(2))
                .element(1)
                .asString()
                .contains("Elasticsearch", "started");
        assertThat(enginePids()).element(1).isNotEqualTo(pids.get(1));
        assertThat(stack.status(HOME))
                .anyMatch(line -> line.startsWith("Elasticsearch") && line.contains("plugin " + AnalysisPlugin.NAME));
        assertThat(get("http://" + CONFIG.elasticsearchHost() + "/_cat/plugins?h=component"))
                .contains(AnalysisPlugin.NAME);

        assertThat(stack.stop(HOME)).containsExactly("stopped PostgreSQL", "stopped Elasticsearch", "stopped Kafka");
        assertThat(pids)
                .noneMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(HOME.toString())))
                .as("processes left behind under " + HOME)
                .isEmpty();
        assertThat(stack.status(HOME)).allMatch(line -> line.contains("stopped"));
    }

    @Test
    void refusesAPortTakenByAnotherProcess() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackConfig clash = new StackConfig(
                    "launcher-clash", HOME, squatter.getLocalPort(), 29193, 29201, 29301, 25433, 0, 0, 0);
            assertThatThrownBy(() -> new LocalStack(clash).startEngines())
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("Kafka cannot start: port " + squatter.getLocalPort() + " is in use");
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    private static List<Long> enginePids() {
        return new LocalStack(CONFIG)
                .status(HOME).stream()
                        .filter(line -> line.contains("running"))
                        .map(line -> Long.parseLong(line.replaceAll(".*\\(pid (\\d+)\\).*", "$1")))
                        .toList();
    }
}
