package io.newsflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The local stack: real Kafka, Elasticsearch and PostgreSQL (and, for a full run, the three services) on this
 * machine. Starts what is not running, reuses what is, and stops by recorded pid. One launcher for
 * {@code ./newsflow} and for the tests ({@link LocalStackTestResource}).
 */
public final class LocalStack {

    private final StackConfig config;
    private final List<Engine> engines;

    public LocalStack(StackConfig config) {
        Java.requireSupportedVersion();
        this.config = config;
        this.engines = List.of(new KafkaEngine(config), new ElasticsearchEngine(config), new PostgresEngine(config));
    }

    public StackConfig config() {
        return config;
    }

    /**
     * Starts the engines that are not running (in parallel) and waits until all three are ready.
     *
     * @return one line per engine: where it listens, and whether it was started or reused
     */
    public List<String> startEngines() {
        return locked(() -> start(engines));
    }

    /** Starts the three services from their builds under {@code repository}, on top of running engines. */
    public List<String> startServices(Path repository) {
        return locked(() -> start(services(repository)));
    }

    /** Starts only the named services (e.g. {@code ingest-service}). */
    public List<String> startServices(Path repository, List<String> names) {
        return locked(() -> start(services(repository).stream()
                .filter(service -> names.contains(service.name()))
                .toList()));
    }

    /**
     * Stops one engine ({@code Kafka}, {@code Elasticsearch} or {@code PostgreSQL}), as an outage would;
     * {@link #startEngines()} brings it back.
     */
    public boolean stopEngine(String name) {
        Engine engine = engines.stream()
                .filter(e -> e.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new StackException("No engine named " + name));
        return locked(engine::stop);
    }

    /**
     * Kills one engine or service by name ({@code Kafka}, {@code search-service}, ...) with SIGKILL, as a crash
     * would; {@link #startEngines()} or {@link #startServices(Path, List)} brings it back.
     */
    public boolean kill(Path repository, String name) {
        List<Engine> all = new ArrayList<>(engines);
        all.addAll(services(repository));
        Engine process = all.stream()
                .filter(e -> e.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new StackException("No engine or service named " + name));
        return locked(process::kill);
    }

    /** Stops the three services, leaving the engines running; returns what it stopped. */
    public List<String> stopServices(Path repository) {
        return locked(() -> stopAll(services(repository)));
    }

    /** Stops the services, then the engines; returns what it stopped. */
    public List<String> stop(Path repository) {
        return locked(() -> {
            List<Engine> all = new ArrayList<>(services(repository));
            all.addAll(engines.reversed());
            return stopAll(all);
        });
    }

    /** One line per process: running (with pid and where) or stopped. */
    public List<String> status(Path repository) {
        List<Engine> all = new ArrayList<>(engines);
        all.addAll(services(repository));
        return all.stream()
                .map(engine -> engine.process()
                        .map(p -> String.format(
                                "%-15s running (pid %d) at %s%s",
                                engine.name(), p.pid(), engine.endpoint(), engine.statusDetail()))
                        .orElse(String.format("%-15s stopped", engine.name())))
                .toList();
    }

    /** The Quarkus configuration that points a service at this stack's engines. */
    public Map<String, String> serviceConfiguration() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap.servers", config.kafkaBootstrapServers());
        properties.put("quarkus.elasticsearch.hosts", config.elasticsearchHost());
        properties.put("quarkus.datasource.reactive.url", config.postgresReactiveUrl());
        properties.put("quarkus.datasource.jdbc.url", config.postgresJdbcUrl());
        properties.put("quarkus.datasource.username", PostgresEngine.USER);
        properties.put("quarkus.datasource.password", PostgresEngine.PASSWORD);
        return properties;
    }

    /**
     * The admin key of this stack's services: {@code NEWSFLOW_ADMIN_KEY} when set, else one generated
     * once and kept (readable by its owner only) in {@code <stack>/admin-key}.
     */
    public String adminKey() {
        String configured = System.getenv("NEWSFLOW_ADMIN_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = config.stackDir().resolve("admin-key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(config.stackDir());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(
                        file,
                        "nfadmin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Engine> services(Path repository) {
        Map<String, String> all = serviceConfiguration();
        Map<String, String> kafka = Map.of("kafka.bootstrap.servers", all.get("kafka.bootstrap.servers"));
        Map<String, String> ingest = new LinkedHashMap<>(all);
        ingest.remove("quarkus.elasticsearch.hosts");
        // the password goes through the environment, not the command line every user can read
        ingest.remove("quarkus.datasource.password");
        // the enrich service keeps its knowledge base and near-duplicate fingerprints in PostgreSQL too
        Map<String, String> enrich = new LinkedHashMap<>(ingest);
        Map<String, String> search = new LinkedHashMap<>(kafka);
        search.put("quarkus.elasticsearch.hosts", all.get("quarkus.elasticsearch.hosts"));
        // the dashboard shows the health of this stack's other two services
        search.put("newsflow.dashboard.ingest-url", "http://localhost:" + config.ingestPort());
        search.put("newsflow.dashboard.enrich-url", "http://localhost:" + config.enrichPort());
        Map<String, String> adminOnly = Map.of("NEWSFLOW_ADMIN_KEY", adminKey());
        return List.of(
                service(repository, "ingest-service", config.ingestPort(), "256m", ingest, ingestEnvironment()),
                service(repository, "enrich-service", config.enrichPort(), "512m", enrich, ingestEnvironment()),
                service(repository, "search-service", config.searchPort(), "256m", search, adminOnly));
    }

    /** The admin key, and a rate limit set for this launcher (the ingest benchmark raises it). */
    private Map<String, String> ingestEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("NEWSFLOW_ADMIN_KEY", adminKey());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", PostgresEngine.PASSWORD);
        String rateLimit = System.getenv("NEWSFLOW_RATE_LIMIT_REQUESTS_PER_SECOND");
        if (rateLimit != null && !rateLimit.isBlank()) {
            environment.put("NEWSFLOW_RATE_LIMIT_REQUESTS_PER_SECOND", rateLimit);
        }
        return environment;
    }

    private Engine service(
            Path repository,
            String name,
            int port,
            String heap,
            Map<String, String> properties,
            Map<String, String> environment) {
        Path jar = repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceApp(config, name, jar, port, heap, properties, environment);
    }

    private static List<String> stopAll(List<Engine> processes) {
        List<String> stopped = new ArrayList<>();
        for (Engine process : processes) {
            if (process.stop()) {
                stopped.add("stopped " + process.name());
            }
        }
        return stopped;
    }

    private static List<String> start(List<Engine> engines) {
        List<Boolean> started = new ArrayList<>();
        for (Engine engine : engines) {
            started.add(engine.startIfStopped());
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            Engine engine = engines.get(i);
            engine.awaitReady();
            lines.add(String.format(
                    "%-15s %-8s %s", engine.name(), started.get(i) ? "started" : "reused", engine.endpoint()));
        }
        return lines;
    }

    /** Runs under a lock on the stack's directory, so two launchers never start the same engine twice. */
    private <T> T locked(Supplier<T> action) {
        try {
            Files.createDirectories(config.stackDir());
            Path lockFile = config.stackDir().resolve(".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
