package io.newsflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Apache Kafka as a single KRaft node (broker and controller in one JVM). */
final class KafkaEngine extends Engine {

    KafkaEngine(StackConfig config) {
        super(config);
    }

    @Override
    String name() {
        return "Kafka";
    }

    @Override
    int port() {
        return config.kafkaPort();
    }

    @Override
    String endpoint() {
        return config.kafkaBootstrapServers();
    }

    private Path dir() {
        return config.stackDir().resolve("kafka");
    }

    @Override
    Path log() {
        return dir().resolve("kafka.log");
    }

    private Path pidFile() {
        return dir().resolve("kafka.pid");
    }

    @Override
    Optional<ProcessHandle> process() {
        return Processes.fromPidFile(pidFile(), config.stackDir().toString());
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    @Override
    protected Process launch() {
        try {
            Files.createDirectories(dir().resolve("data"));
            Path properties = dir().resolve("server.properties");
            Files.writeString(properties, serverProperties());
            Path log4j = dir().resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J);
            String classpath = Files.readString(Path.of(StackConfig.buildInfo().getProperty("runtime.classpath")))
                    .trim();
            if (!Files.exists(dir().resolve("data").resolve("meta.properties"))) {
                Processes.run(
                        List.of(
                                Java.executable(),
                                "-cp",
                                classpath,
                                "-Dlog4j2.configurationFile=" + log4j,
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                clusterId(),
                                "-c",
                                properties.toString()),
                        Map.of(),
                        null,
                        Duration.ofMinutes(2));
            }
            List<String> command = new ArrayList<>(List.of(
                    Java.executable(),
                    "-Xms256m",
                    "-Xmx512m",
                    "-XX:+UseG1GC",
                    "-XX:MaxGCPauseMillis=20",
                    "-Djava.awt.headless=true",
                    "-Dlog4j2.configurationFile=" + log4j,
                    // lets a person (and the launcher's own checks) tell this JVM apart
                    "-Dnewsflow.stack=" + config.stackDir(),
                    "-cp",
                    classpath,
                    "kafka.Kafka",
                    properties.toString()));
            Process process = Processes.spawnDetached(command, log(), Map.of(), dir());
            Processes.writePidFile(pidFile(), process.pid());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean ready() throws IOException {
        return Processes.listening(port()) && loggedSinceStart("Kafka Server started");
    }

    @Override
    protected void shutdown(ProcessHandle process) {
        // SIGTERM makes the broker flush and close its logs; a clean shutdown needs no recovery at next start
        Processes.terminate(process, Duration.ofSeconds(60));
        pidFile().toFile().delete();
    }

    private String serverProperties() {
        return String.join(
                "\n",
                "# Written by the newsflow launcher at each start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + config.kafkaControllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + config.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir().resolve("data"),
                "num.partitions=3",
                // topics come from the services' provisioning with their contract configs, never by accident
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
    }

    /**
     * A random cluster id in Kafka's form: 16 random bytes, URL-safe base64 without padding, never starting with
     * '-' (the storage tool would read such an id as an option; Kafka's own generator avoids it the same way).
     */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static final String LOG4J = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.kafka.name = kafka
            logger.kafka.level = INFO
            logger.apache.name = org.apache.kafka
            logger.apache.level = WARN
            logger.server.name = kafka.server.KafkaRaftServer
            logger.server.level = INFO
            """;
}
