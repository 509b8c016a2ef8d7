package io.newsflow.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where one stack keeps its data and on which ports its engines listen. There are two stacks: {@code run}
 * (what {@code ./newsflow run} starts, on the engines' usual ports) and {@code test} (what the tests start, on
 * ports of their own, so tests never write into the data you are looking at).
 *
 * @param home the directory that holds every stack and the unpacked engines ({@code NEWSFLOW_HOME})
 */
public record StackConfig(
        String name,
        Path home,
        int kafkaPort,
        int kafkaControllerPort,
        int elasticsearchPort,
        int elasticsearchTransportPort,
        int postgresPort,
        int ingestPort,
        int enrichPort,
        int searchPort) {

    /** The stack {@code ./newsflow run} starts; ports can be moved with NEWSFLOW_*_PORT variables. */
    public static StackConfig run() {
        return new StackConfig(
                "run",
                configuredHome(),
                port("NEWSFLOW_KAFKA_PORT", 9092),
                port("NEWSFLOW_KAFKA_CONTROLLER_PORT", 9093),
                port("NEWSFLOW_ELASTICSEARCH_PORT", 9200),
                port("NEWSFLOW_ELASTICSEARCH_TRANSPORT_PORT", 9300),
                port("NEWSFLOW_POSTGRES_PORT", 5432),
                port("NEWSFLOW_INGEST_PORT", 8081),
                port("NEWSFLOW_ENRICH_PORT", 8082),
                port("NEWSFLOW_SEARCH_PORT", 8083));
    }

    /** The stack the tests start and reuse. */
    public static StackConfig tests() {
        return new StackConfig("test", configuredHome(), 19092, 19093, 19200, 19300, 15432, 18081, 18082, 18083);
    }

    /** This stack's own directory under the home. */
    public Path stackDir() {
        return home.resolve(name);
    }

    public Path enginesDir() {
        return home.resolve("engines");
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String elasticsearchHost() {
        return "127.0.0.1:" + elasticsearchPort;
    }

    public String postgresReactiveUrl() {
        return "postgresql://127.0.0.1:" + postgresPort + "/" + PostgresEngine.DATABASE;
    }

    public String postgresJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + PostgresEngine.DATABASE;
    }

    /** What the build recorded in {@code newsflow-local-stack.properties}: distribution paths and versions. */
    static Properties buildInfo() {
        try (InputStream in = StackConfig.class.getResourceAsStream("/newsflow-local-stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path configuredHome() {
        String configured = System.getProperty("newsflow.home", System.getenv("NEWSFLOW_HOME"));
        return usableHome(configured == null || configured.isBlank() ? Path.of(".newsflow") : Path.of(configured));
    }

    /**
     * {@code preferred}, or, when the engines run as another user who could not reach it (a checkout inside
     * /root, say), a directory under /var/tmp named after it.
     */
    static Path usableHome(Path preferred) {
        Path home = preferred.toAbsolutePath().normalize();
        if (ServiceUser.needed() && !traversableByOthers(home)) {
            // Elasticsearch and PostgreSQL run as another user, who could not reach a home inside, say, /root
            Path fallback = Path.of(
                    "/var/tmp",
                    "newsflow-" + Integer.toHexString(home.toString().hashCode()));
            if (!FALLBACK_ANNOUNCED.getAndSet(true)) {
                System.err.println("newsflow: " + home + " is inside a directory other users cannot enter; keeping"
                        + " the engines' data and logs in " + fallback + " instead (set NEWSFLOW_HOME to choose)");
            }
            return fallback;
        }
        return home;
    }

    private static final AtomicBoolean FALLBACK_ANNOUNCED = new AtomicBoolean();

    /** Whether every existing directory on the way to {@code path} lets other users pass through. */
    private static boolean traversableByOthers(Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                try {
                    if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int port(String variable, int defaultPort) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StackException(variable + " must be a port number, not '" + value + "'");
        }
    }
}
