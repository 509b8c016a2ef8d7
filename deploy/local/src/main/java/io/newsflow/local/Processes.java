package io.newsflow.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starting, finding and stopping the engines' processes by the pids the launcher records. */
final class Processes {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final boolean HAS_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"));

    private Processes() {}

    /**
     * Starts a process that outlives the launcher: its own session (so a Ctrl-C aimed at the launcher does not
     * reach it), no stdin, output appended to {@code log}.
     */
    static Process spawnDetached(List<String> command, Path log, Map<String, String> environment, Path workDir) {
        List<String> full = new ArrayList<>();
        if (HAS_SETSID) {
            full.add("/usr/bin/setsid");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new StackException("Cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a command to its end and returns its output; fails with that output when it exits non-zero. The
     * output goes through a file, not a pipe, so a daemon the command leaves behind cannot hold it open.
     */
    static String run(List<String> command, Map<String, String> environment, Path stdin, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("newsflow-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(
                            stdin == null
                                    ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                                    : ProcessBuilder.Redirect.from(stdin.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException(String.join(" ", command) + " did not finish within " + timeout);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new StackException(
                        String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new StackException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /**
     * The live process whose pid is the first line of {@code pidFile} and whose command line contains
     * {@code marker}, if any: after a crash or a reboot the pid may belong to an unrelated program, which must be
     * neither reused nor stopped.
     */
    static Optional<ProcessHandle> fromPidFile(Path pidFile, String marker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String first =
                    Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(first))
                            .filter(ProcessHandle::isAlive)
                            .filter(p -> p.info().commandLine().orElse("").contains(marker));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void writePidFile(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something accepts TCP connections on the loopback port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a GET of the URL answers 200 within 5 s. */
    static boolean answersOk(String url) throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    /** Stops a process and everything it started: SIGTERM, then SIGKILL after {@code grace}. */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            process.destroyForcibly();
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            awaitGone(handle, Duration.ofSeconds(10));
        }
    }

    /** Kills a process at once (SIGKILL), as a crash would, and waits until it is gone. */
    static void kill(ProcessHandle process) {
        process.destroyForcibly();
        awaitGone(process, Duration.ofSeconds(30));
    }

    /**
     * Waits until the process has exited. A killed process whose parent has not collected it yet (a zombie:
     * seen when the parent is a busy test JVM) has exited too: it holds no port and no file.
     */
    private static void awaitGone(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && !zombie(process.pid())) {
            if (System.nanoTime() > deadline) {
                throw new StackException("Process " + process.pid() + " did not stop (" + state(process.pid()) + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for process " + process.pid() + " to stop", e);
            }
        }
    }

    private static boolean zombie(long pid) {
        return state(pid).startsWith("Z");
    }

    /** The process's state letter and parent pid from /proc ("S 1234"), or "gone". */
    private static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // they follow the command name, which is in parentheses and may itself hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields[0] + " " + fields[1];
        } catch (IOException | RuntimeException e) {
            return "gone";
        }
    }

    /** Waits until {@code check} is true, failing with {@code what} (and the log to read) after {@code timeout}. */
    static void await(String what, Duration timeout, Path log, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (check.ready()) {
                    return;
                }
            } catch (StackException fatal) {
                throw fatal;
            } catch (Exception notYet) {
                // not ready yet: keep polling until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(what + " was not ready within " + timeout.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + what, e);
            }
        }
    }

    @FunctionalInterface
    interface Check {
        boolean ready() throws Exception;
    }
}
