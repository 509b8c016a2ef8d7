package io.newsflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One of newsflow's Quarkus services, run from its build ({@code target/quarkus-app/quarkus-run.jar}). */
final class ServiceApp extends Engine {

    private final String name;
    private final Path jar;
    private final int port;
    private final String heap;
    private final Map<String, String> properties;
    private final Map<String, String> environment;

    /**
     * @param properties configuration passed as system properties
     * @param environment configuration passed as environment variables: secrets, which a command line would
     *     show to every user of the machine
     */
    ServiceApp(
            StackConfig config,
            String name,
            Path jar,
            int port,
            String heap,
            Map<String, String> properties,
            Map<String, String> environment) {
        super(config);
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.heap = heap;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    String name() {
        return name;
    }

    @Override
    int port() {
        return port;
    }

    @Override
    String endpoint() {
        return "http://localhost:" + port;
    }

    private Path dir() {
        return config.stackDir().resolve(name);
    }

    @Override
    Path log() {
        return dir().resolve(name + ".log");
    }

    private Path pidFile() {
        return dir().resolve(name + ".pid");
    }

    @Override
    Optional<ProcessHandle> process() {
        return Processes.fromPidFile(pidFile(), config.stackDir().toString());
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected Process launch() {
        if (!Files.isRegularFile(jar)) {
            throw new StackException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        try {
            Files.createDirectories(dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx" + heap, "-XX:+UseSerialGC"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        // tells this JVM apart from any process that later takes its pid
        command.add("-Dnewsflow.stack=" + config.stackDir());
        command.add("-jar");
        command.add(jar.toString());
        Process process = Processes.spawnDetached(command, log(), environment, dir());
        Processes.writePidFile(pidFile(), process.pid());
        return process;
    }

    @Override
    protected boolean ready() throws IOException, InterruptedException {
        return Processes.answersOk(endpoint() + "/q/health/ready");
    }

    @Override
    protected void shutdown(ProcessHandle process) {
        Processes.terminate(process, Duration.ofSeconds(30));
        pidFile().toFile().delete();
    }
}
