package io.newsflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Elasticsearch from its minimal distribution (Maven Central's integ-test-zip), single node, security off, on
 * loopback, with newsflow's analysis plugin. Its home is unpacked once and shared by the stacks; each stack has
 * its own config, data and logs.
 */
final class ElasticsearchEngine extends Engine {

    private final AnalysisPlugin plugin = AnalysisPlugin.fromBuild();

    ElasticsearchEngine(StackConfig config) {
        super(config);
    }

    @Override
    String name() {
        return "Elasticsearch";
    }

    @Override
    int port() {
        return config.elasticsearchPort();
    }

    @Override
    String endpoint() {
        return "http://" + config.elasticsearchHost();
    }

    private Path dir() {
        return config.stackDir().resolve("elasticsearch");
    }

    @Override
    Path log() {
        return dir().resolve("logs").resolve("newsflow.log");
    }

    private Path pidFile() {
        return dir().resolve("elasticsearch.pid");
    }

    @Override
    Optional<ProcessHandle> process() {
        return Processes.fromPidFile(pidFile(), config.stackDir().toString());
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(180);
    }

    private static String version() {
        return StackConfig.buildInfo().getProperty("elasticsearch.version");
    }

    Path installation() {
        return config.enginesDir().resolve("elasticsearch-" + version());
    }

    /** The checksum of the analysis plugin this node was started with. */
    private Path pluginStarted() {
        return dir().resolve(AnalysisPlugin.NAME + ".sha256");
    }

    @Override
    protected void prepare() {
        install();
        Archives.underEnginesLock(config.enginesDir(), engines -> plugin.installInto(installation()));
    }

    /** A node started before the plugin was (re)installed has not loaded it: the articles index needs it. */
    @Override
    protected Optional<String> outdated() {
        if (startedWithCurrentPlugin()) {
            return Optional.empty();
        }
        return Optional.of("it runs without the current " + AnalysisPlugin.NAME + " plugin (" + plugin.shortChecksum()
                + "), which the articles index needs");
    }

    @Override
    String statusDetail() {
        try {
            plugin.checksum();
        } catch (StackException notBuilt) {
            return ", plugin " + AnalysisPlugin.NAME + " not built";
        }
        return startedWithCurrentPlugin()
                ? ", plugin " + AnalysisPlugin.NAME + " " + plugin.shortChecksum()
                : ", without the current " + AnalysisPlugin.NAME + " plugin (the next start restarts it)";
    }

    private boolean startedWithCurrentPlugin() {
        try {
            return Files.isRegularFile(pluginStarted())
                    && Files.readString(pluginStarted()).strip().equals(plugin.checksum());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    protected Process launch() {
        try {
            Files.createDirectories(dir());
            Files.writeString(pluginStarted(), plugin.checksum() + "\n");
            Path conf = dir().resolve("config");
            Files.createDirectories(conf.resolve("jvm.options.d"));
            Files.createDirectories(dir().resolve("data"));
            try (Stream<Path> files = Files.list(installation().resolve("config"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = conf.resolve(file.getFileName());
                    if (!Files.exists(copy)) {
                        Files.copy(file, copy);
                    }
                }
            }
            Files.writeString(conf.resolve("elasticsearch.yml"), settings());
            // the stack's path on the command line tells this node apart from any process that later takes its pid
            Files.writeString(
                    conf.resolve("jvm.options.d").resolve("newsflow.options"),
                    "-Xms512m\n-Xmx512m\n-Dnewsflow.stack=" + config.stackDir() + "\n");
            ServiceUser.ensureExists();
            ServiceUser.own(dir());
            // "elasticsearch -d" exits once the node runs in the background: non-zero means it did not start
            return Processes.spawnDetached(
                    ServiceUser.command(List.of(
                            installation()
                                    .resolve("bin")
                                    .resolve("elasticsearch")
                                    .toString(),
                            "-d",
                            "-p",
                            pidFile().toString())),
                    log(),
                    Map.of("ES_JAVA_HOME", Java.home().toString(), "ES_PATH_CONF", conf.toString()),
                    dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void install() {
        Path distribution = Path.of(StackConfig.buildInfo().getProperty("engines.dir"))
                .resolve("elasticsearch-" + version() + ".zip");
        Path unpacked = config.enginesDir().resolve("elasticsearch-" + version() + "-zip");
        Archives.installOnce(config.enginesDir(), installation().resolve("bin").resolve("elasticsearch"), engines -> {
            Archives.deleteRecursively(unpacked);
            Archives.unzip(distribution, unpacked);
            // the zip holds one top directory, elasticsearch-<version>
            Files.move(unpacked.resolve("elasticsearch-" + version()), installation());
            Archives.deleteRecursively(unpacked);
        });
    }

    private String settings() {
        return String.join(
                "\n",
                "# Written by the newsflow launcher at each start.",
                "cluster.name: newsflow-" + config.name(),
                "node.name: newsflow-" + config.name() + "-1",
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "network.host: 127.0.0.1",
                "http.port: " + config.elasticsearchPort(),
                "transport.port: " + config.elasticsearchTransportPort(),
                "path.data: " + dir().resolve("data"),
                "path.logs: " + dir().resolve("logs"),
                // a developer's nearly full disk must not turn the index read-only
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "");
    }

    @Override
    protected boolean ready() throws IOException, InterruptedException {
        // GET / answers 405 in the minimal distribution; cluster health is the readiness that matters
        return Processes.answersOk(endpoint() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
    }

    @Override
    protected void shutdown(ProcessHandle process) {
        Processes.terminate(process, Duration.ofSeconds(60));
    }
}
