package io.newsflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch and PostgreSQL refuse to run as root. When the launcher runs as root it runs them as a system
 * user, {@value #NAME}, created once, that owns their data directories.
 */
final class ServiceUser {

    static final String NAME = "newsflow";

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private ServiceUser() {}

    static boolean needed() {
        return ROOT;
    }

    static void ensureExists() {
        if (!ROOT) {
            return;
        }
        try {
            Processes.run(List.of("id", "-u", NAME), Map.of(), null, Duration.ofSeconds(10));
        } catch (StackException missing) {
            Processes.run(
                    List.of(
                            "useradd",
                            "--system",
                            "--user-group",
                            "--no-create-home",
                            "--shell",
                            "/usr/sbin/nologin",
                            NAME),
                    Map.of(),
                    null,
                    Duration.ofSeconds(30));
        }
    }

    /** The command, run as the service user when the launcher is root. */
    static List<String> command(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * The command, run as the owner of {@code path} when the launcher is root and someone else owns it; as the
     * launcher's user otherwise.
     */
    static List<String> asOwnerOf(Path path, List<String> command) {
        if (!ROOT) {
            return command;
        }
        String owner;
        try {
            owner = Files.getOwner(path).getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if ("root".equals(owner)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", owner, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives the service user the directory, and checks it can reach it through its parents. */
    static void own(Path directory) {
        if (!ROOT) {
            return;
        }
        Processes.run(
                List.of("chown", "-R", NAME + ":" + NAME, directory.toString()), Map.of(), null, Duration.ofMinutes(2));
        try {
            Processes.run(command(List.of("test", "-w", directory.toString())), Map.of(), null, Duration.ofSeconds(10));
        } catch (StackException e) {
            throw new StackException("The user '" + NAME + "' that runs Elasticsearch and PostgreSQL cannot reach "
                    + directory + ": a parent directory is not readable by others. Set NEWSFLOW_HOME to a"
                    + " directory elsewhere (e.g. /var/tmp/newsflow).");
        }
    }
}
