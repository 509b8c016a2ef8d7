package io.newsflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * newsflow's Elasticsearch analysis plugin (deploy/analysis-plugin: the English token filters the articles index
 * uses), installed into an Elasticsearch home with {@code elasticsearch-plugin}. The checksum of the installed
 * zip is recorded beside the home, so the same plugin is installed once and a changed one replaces it.
 */
final class AnalysisPlugin {

    static final String NAME = "newsflow-analysis";

    private final Path zip;

    AnalysisPlugin(Path zip) {
        this.zip = zip;
    }

    /** The zip this build copied beside the engine distributions. */
    static AnalysisPlugin fromBuild() {
        Properties info = StackConfig.buildInfo();
        return new AnalysisPlugin(Path.of(info.getProperty("engines.dir"))
                .resolve("newsflow-analysis-plugin-" + info.getProperty("analysis-plugin.version") + ".zip"));
    }

    /** SHA-256 of the zip: what tells one build of the plugin from another (the zip is built reproducibly). */
    String checksum() {
        if (!Files.isRegularFile(zip)) {
            throw new StackException("The Elasticsearch analysis plugin " + zip + " is missing; build it with"
                    + " ./mvnw package -pl deploy/analysis-plugin,deploy/local (or ./newsflow run)");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first characters of the checksum, enough to tell builds apart in a status line. */
    String shortChecksum() {
        return checksum().substring(0, 12);
    }

    /** Whether {@code elasticsearchHome} holds this build of the plugin. */
    boolean installedIn(Path elasticsearchHome) {
        Path record = record(elasticsearchHome);
        try {
            return Files.isDirectory(elasticsearchHome.resolve("plugins").resolve(NAME))
                    && Files.isRegularFile(record)
                    && Files.readString(record).strip().equals(checksum());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Installs this build of the plugin unless {@code elasticsearchHome} has it, replacing another build. Call
     * under the engines lock: the stacks share the home. A node already running keeps the plugin it loaded
     * until it restarts.
     */
    void installInto(Path elasticsearchHome) {
        if (installedIn(elasticsearchHome)) {
            return;
        }
        String checksum = checksum();
        Path tool = elasticsearchHome.resolve("bin").resolve("elasticsearch-plugin");
        Map<String, String> environment = Map.of("ES_JAVA_HOME", Java.home().toString());
        if (Files.isDirectory(elasticsearchHome.resolve("plugins").resolve(NAME))) {
            run(elasticsearchHome, List.of(tool.toString(), "remove", NAME), environment);
        }
        run(
                elasticsearchHome,
                List.of(tool.toString(), "install", "--batch", zip.toUri().toString()),
                environment);
        try {
            Files.writeString(record(elasticsearchHome), checksum + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the plugin tool as the owner of the home, whose files it writes. */
    private static void run(Path elasticsearchHome, List<String> command, Map<String, String> environment) {
        Processes.run(ServiceUser.asOwnerOf(elasticsearchHome, command), environment, null, Duration.ofMinutes(2));
    }

    private static Path record(Path elasticsearchHome) {
        return elasticsearchHome.resolveSibling(elasticsearchHome.getFileName() + "." + NAME + ".sha256");
    }
}
