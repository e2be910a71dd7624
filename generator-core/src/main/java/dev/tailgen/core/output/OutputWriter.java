package dev.tailgen.core.output;

import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Writes the whole output folder or nothing: files go to a sibling staging folder first, which then
 * replaces the old folder. A folder we did not write (no marker file) is never replaced.
 */
public final class OutputWriter {
    public static final String MARKER = ".tailgen-output";
    private static final String MARKER_TEXT = "Written by tailscale-maven-plugin; this whole folder is replaced on every generate.\n";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public void write(Path outputDirectory, List<OutputFile> files) {
        write(outputDirectory, files, "");
    }

    /** @param markerLines extra lines for the marker file (the up-to-date fingerprint) */
    public void write(Path outputDirectory, List<OutputFile> files, String markerLines) {
        Path target = outputDirectory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path staging = parent.resolve("." + name + ".tailgen-new");
        Path old = parent.resolve("." + name + ".tailgen-old");
        try {
            refuseForeignFolder(target);
            Files.createDirectories(parent);
            deleteTree(staging);
            deleteTree(old);
            Files.createDirectories(staging);
            for (OutputFile file : files) {
                writeFile(staging.resolve(file.path()), file);
            }
            Files.writeString(staging.resolve(MARKER), MARKER_TEXT + markerLines);
            if (Files.exists(target)) {
                move(target, old);
            }
            try {
                move(staging, target);
            } catch (IOException e) {
                if (Files.exists(old)) {
                    move(old, target); // put the earlier output back
                }
                throw e;
            }
            deleteTree(old);
        } catch (IOException e) {
            throw new GenerationException("cannot write " + target + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    private static void refuseForeignFolder(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            if (Files.exists(target)) {
                throw new GenerationException("outputDirectory " + target + " is a file; point tailscale.outputDirectory at a folder", true);
            }
            return;
        }
        boolean empty;
        try (var entries = Files.list(target)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(target.resolve(MARKER))) {
            throw new GenerationException("outputDirectory " + target + " holds files this plugin did not write (no " + MARKER
                    + " marker); it replaces the whole folder, so choose an empty or new folder", true);
        }
    }

    private static void writeFile(Path path, OutputFile file) throws IOException {
        Files.createDirectories(path.getParent());
        boolean posix = Files.getFileStore(path.getParent()).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = file.secret() && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Files.createFile(path, attrs);
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(file.bytes());
        }
        if (file.secret() && !posix) {
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
            path.toFile().setWritable(false, false);
            path.toFile().setWritable(true, true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
