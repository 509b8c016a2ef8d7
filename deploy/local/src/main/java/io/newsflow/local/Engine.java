package io.newsflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/** One process of the stack (an engine or a service): started when it is not running, reused when it is. */
abstract class Engine {

    private Process launched;

    private static final String START_MARKER = "=== newsflow launcher: starting ";

    protected final StackConfig config;

    Engine(StackConfig config) {
        this.config = config;
    }

    abstract String name();

    abstract int port();

    /** Where a person connects to it, printed by the launcher. */
    abstract String endpoint();

    abstract Path log();

    /** The running process, if there is one. */
    abstract Optional<ProcessHandle> process();

    /**
     * Installs what is missing and launches the process; does not wait for it to be ready.
     *
     * @return the launched process when its early death means the start failed, else null
     */
    protected abstract Process launch();

    /**
     * Installs what the process needs, before it starts and before a running one is restarted (so a failed
     * install leaves it running). Nothing by default.
     */
    protected void prepare() {}

    /**
     * Why the running process must be restarted to run what this build installs, if it must; a process without
     * a reason is reused.
     */
    protected Optional<String> outdated() {
        return Optional.empty();
    }

    /** What {@code status} adds after where it runs. Nothing by default. */
    String statusDetail() {
        return "";
    }

    /** True once it serves requests. */
    protected abstract boolean ready() throws Exception;

    protected abstract java.time.Duration startTimeout();

    protected abstract void shutdown(ProcessHandle process);

    /**
     * Launches it unless it is already running and {@linkplain #outdated() current}; restarts it when it runs
     * but is outdated. Returns true if this call launched it.
     *
     * @throws StackException when its port is taken by a process that is not ours
     */
    final boolean startIfStopped() {
        Optional<ProcessHandle> running = process();
        Optional<String> outdated = running.isPresent() ? outdated() : Optional.empty();
        if (running.isPresent() && outdated.isEmpty()) {
            return false;
        }
        if (running.isEmpty() && Processes.listening(port())) {
            throw new StackException(name() + " cannot start: port " + port()
                    + " is in use by another process. Stop that process or move newsflow's " + name()
                    + " to another port (see README, Configuration).");
        }
        prepare();
        if (running.isPresent()) {
            // on stderr, where a person running ./newsflow or the tests sees why their engine restarts
            System.err.println("newsflow: restarting " + name() + " of the " + config.name() + " stack (pid "
                    + running.get().pid() + "): " + outdated.get());
            shutdown(running.get());
        }
        markStart();
        launched = launch();
        return true;
    }

    /** Waits until it serves requests, whoever started it. */
    final void awaitReady() {
        Processes.await(name(), startTimeout(), log(), () -> {
            if (launched != null && !launched.isAlive() && launched.exitValue() != 0) {
                throw new StackException(name() + " failed to start (exit " + launched.exitValue() + "); see " + log());
            }
            return process().isPresent() && ready();
        });
    }

    /** Stops it if it runs; returns true if it was running. */
    final boolean stop() {
        Optional<ProcessHandle> process = process();
        process.ifPresent(this::shutdown);
        return process.isPresent();
    }

    /**
     * Kills the process at once (SIGKILL), as a crash would: no shutdown hook, no flush. Returns whether one
     * was running.
     */
    final boolean kill() {
        Optional<ProcessHandle> process = process();
        process.ifPresent(Processes::kill);
        return process.isPresent();
    }

    /** Whether the log shows {@code text} since the launcher last started this process. */
    protected final boolean loggedSinceStart(String text) throws IOException {
        if (!Files.exists(log())) {
            return false;
        }
        String content = Files.readString(log());
        int start = content.lastIndexOf(START_MARKER);
        return content.indexOf(text, Math.max(start, 0)) >= 0;
    }

    private void markStart() {
        try {
            Files.createDirectories(log().getParent());
            Files.writeString(
                    log(),
                    START_MARKER + name() + " at " + Instant.now() + " ===\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
