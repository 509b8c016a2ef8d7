package io.newsflow.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the engines' distributions, keeping Unix permissions and symbolic links (the JDK's zip support drops
 * both, and the engines' scripts and libraries need them).
 */
final class Archives {

    private Archives() {}

    /**
     * Runs {@code install} unless {@code marker} exists, under a lock on the engines directory: the run and the
     * test stacks share the unpacked engines, and two launchers must not unpack the same one at once.
     */
    static void installOnce(Path enginesDir, Path marker, Unpacker install) {
        underEnginesLock(enginesDir, engines -> {
            if (!Files.exists(marker)) {
                install.unpack(engines);
            }
        });
    }

    /** Runs {@code action} under the lock on the engines directory that {@link #installOnce} takes. */
    static void underEnginesLock(Path enginesDir, Unpacker action) {
        try {
            Files.createDirectories(enginesDir);
            try (FileChannel channel = FileChannel.open(
                            enginesDir.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                action.unpack(enginesDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks a zip into {@code target}; unpacks into a sibling first and renames, so a half unpack never stays. */
    static void unzip(Path zip, Path target) {
        unpackAtomically(target, temporary -> {
            // ZipFile reads the central directory, where the Unix permissions are; a zip stream cannot see them
            try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
                for (ZipArchiveEntry entry : Collections.list(archive.getEntries())) {
                    try (InputStream in = archive.getInputStream(entry)) {
                        write(entry, entry.getUnixMode(), in, temporary);
                    }
                }
            }
        });
    }

    /** Unpacks a .txz stream into {@code target}. */
    static void untarXz(InputStream txz, Path target) {
        unpackAtomically(target, temporary -> {
            try (TarArchiveInputStream archive =
                    new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
                extract(archive, temporary);
            }
        });
    }

    private static void unpackAtomically(Path target, Unpacker unpacker) {
        Path temporary = target.resolveSibling(target.getFileName() + ".unpacking");
        try {
            deleteRecursively(temporary);
            Files.createDirectories(temporary);
            unpacker.unpack(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void extract(TarArchiveInputStream archive, Path into) throws IOException {
        TarArchiveEntry entry;
        while ((entry = archive.getNextEntry()) != null) {
            if (entry.isSymbolicLink()) {
                Path link = resolve(into, entry);
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, Path.of(entry.getLinkName()));
            } else {
                write(entry, entry.getMode(), archive, into);
            }
        }
    }

    private static void write(ArchiveEntry entry, int mode, InputStream content, Path into) throws IOException {
        Path path = resolve(into, entry);
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        Files.copy(content, path, StandardCopyOption.REPLACE_EXISTING);
        if (mode != 0) {
            Files.setPosixFilePermissions(path, permissions(mode));
        }
    }

    private static Path resolve(Path into, ArchiveEntry entry) throws IOException {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
            throw new IOException("Archive entry outside the target: " + entry.getName());
        }
        return path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        return permissions;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @FunctionalInterface
    interface Unpacker {
        void unpack(Path into) throws IOException;
    }
}
