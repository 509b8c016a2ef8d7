package io.newsflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile read against its build context: the base image is pinned, and every file a {@code COPY} or
 * {@code ADD} takes from the context exists there (so the build really produces it). Wildcards in the last path
 * segment are matched as Docker does; a source must match at least one file.
 */
public final class DockerfileCheck {

    private final Path dockerfile;
    private final Path context;
    private final List<String> lines;

    public DockerfileCheck(Path dockerfile, Path context) {
        this.dockerfile = dockerfile;
        this.context = context;
        try {
            this.lines = joinContinuations(Files.readAllLines(dockerfile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image of the (last) FROM line. */
    public String baseImage() {
        String image = null;
        for (String line : lines) {
            List<String> words = words(line);
            if (!words.isEmpty() && words.get(0).equalsIgnoreCase("FROM")) {
                image = words.stream()
                        .skip(1)
                        .filter(w -> !w.startsWith("--"))
                        .findFirst()
                        .orElse(null);
            }
        }
        return image;
    }

    /** The context files the instructions copy, as written. */
    public List<String> copiedSources() {
        List<String> sources = new ArrayList<>();
        for (String line : lines) {
            List<String> words = words(line);
            if (words.isEmpty()) {
                continue;
            }
            String instruction = words.get(0).toUpperCase();
            if (!instruction.equals("COPY") && !instruction.equals("ADD")) {
                continue;
            }
            List<String> arguments =
                    words.stream().skip(1).filter(w -> !w.startsWith("--")).toList();
            if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue; // from another stage or image, not from the context
            }
            sources.addAll(arguments.subList(0, arguments.size() - 1));
        }
        return sources;
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String base = baseImage();
        if (base == null) {
            problems.add(dockerfile + ": no FROM");
        } else {
            Images.unpinned(base).ifPresent(why -> problems.add(dockerfile + ": " + why));
        }
        for (String source : copiedSources()) {
            if (source.startsWith("http://") || source.startsWith("https://")) {
                problems.add(dockerfile + ": " + source + " is downloaded at build time, not built here");
            } else if (matches(source).isEmpty()) {
                problems.add(dockerfile + ": copies " + source + ", which is not in its context " + context
                        + " (build it first, or the build no longer produces it)");
            }
        }
        return problems;
    }

    private List<Path> matches(String source) {
        String relative = source.replaceFirst("^\\./", "").replaceFirst("/$", "");
        Path path = context.resolve(relative).normalize();
        if (!path.startsWith(context.normalize())) {
            return List.of(); // outside the context: Docker cannot see it
        }
        String last = path.getFileName().toString();
        if (!last.contains("*") && !last.contains("?")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(path.getParent())) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path.getParent(), last)) {
                entries.forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static List<String> joinContinuations(List<String> raw) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : raw) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") && current.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                joined.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            joined.add(current.toString());
        }
        return joined;
    }

    private static List<String> words(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return List.of();
        }
        return List.of(trimmed.split("\\s+"));
    }

    /** The tag of the base image, for comparing with the version the build pins. */
    public Optional<String> baseImageTag() {
        return Optional.ofNullable(baseImage()).flatMap(Images::tag);
    }
}
