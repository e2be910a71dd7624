package dev.tailgen.core.output;

import dev.tailgen.core.problem.GenerationException;
import dev.tailgen.talos.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes the whole output folder or nothing: files go to a sibling staging folder first, which then
 * replaces the old folder. A folder we did not write (no marker file) is never replaced. One run at a
 * time per folder ({@link OutputLock}); every file and folder is flushed to disk before the renames and
 * the parent after them, so a power loss leaves the old or the new output, not empty files; a crash
 * between the two renames is undone by the next run, which puts the old folder back first.
 */
public final class OutputWriter {
    public static final String MARKER = ".tailgen-output";
    private static final String MARKER_TEXT = "Written by tailscale-maven-plugin; this whole folder is replaced on every generate.\n";
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    /** Test seams: where a test observes a run or stops it as a crash would. No-ops in production. */
    interface Hooks {
        /** A file in the staging folder exists, before a byte of it is written. */
        default void created(Path file) {
        }

        /** The lock is held and the staging folder is complete. */
        default void staged() {
        }

        /** The old folder is aside and the new one not yet in place. */
        default void betweenRenames() {
        }
    }

    private static final Hooks NONE = new Hooks() {
    };

    private final Hooks hooks;
    private final Duration wait;

    public OutputWriter() {
        this(NONE, DEFAULT_WAIT);
    }

    OutputWriter(Hooks hooks, Duration wait) {
        this.hooks = hooks;
        this.wait = wait;
    }

    public List<String> write(Path outputDirectory, List<OutputFile> files) {
        return write(outputDirectory, files, "");
    }

    /**
     * @param markerLines extra lines for the marker file (the up-to-date fingerprint)
     * @return what the run did beyond writing, for the log (an earlier output put back after a crash)
     */
    public List<String> write(Path outputDirectory, List<OutputFile> files, String markerLines) {
        Path target = outputDirectory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path staging = parent.resolve("." + name + ".tailgen-new");
        Path old = parent.resolve("." + name + ".tailgen-old");
        List<String> notices = new ArrayList<>();
        try {
            Files.createDirectories(parent);
            try (OutputLock lock = OutputLock.acquire(parent.resolve("." + name + ".tailgen-lock"), target, wait)) {
                recover(target, old).ifPresent(notices::add);
                refuseForeignFolder(target);
                deleteTree(staging);
                deleteTree(old);
                Files.createDirectories(staging);
                Consumer<Path> created = hooks::created;
                for (OutputFile file : files) {
                    Path path = staging.resolve(file.path());
                    Files.createDirectories(path.getParent());
                    DurableFiles.create(path, file.bytes(), file.secret(), created);
                }
                DurableFiles.create(staging.resolve(MARKER), (MARKER_TEXT + markerLines).getBytes(StandardCharsets.UTF_8), false, created);
                syncFolders(staging);
                hooks.staged();
                if (Files.exists(target)) {
                    DurableFiles.move(target, old);
                    DurableFiles.syncDirectory(parent);
                }
                hooks.betweenRenames();
                try {
                    DurableFiles.move(staging, target);
                } catch (IOException e) {
                    if (Files.exists(old)) {
                        DurableFiles.move(old, target); // put the earlier output back
                    }
                    throw e;
                }
                DurableFiles.syncDirectory(parent);
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new GenerationException("cannot write " + target + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        return notices;
    }

    /**
     * A run killed between its two renames left no output folder and the earlier one aside: put it
     * back before anything else (the staging folder it was about to move in is rebuilt anyway).
     */
    static Optional<String> recover(Path target, Path old) throws IOException {
        if (Files.exists(target) || !Files.isDirectory(old)) {
            return Optional.empty();
        }
        DurableFiles.move(old, target);
        DurableFiles.syncDirectory(target.getParent());
        return Optional.of("Put back the output of an earlier run in " + target
                + ": a run was stopped after moving it aside and before moving its own output in");
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

    /** Every folder of the staging tree, deepest first, so each new name is on disk before the renames. */
    private static void syncFolders(Path root) throws IOException {
        List<Path> folders;
        try (var walk = Files.walk(root)) {
            folders = walk.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        }
        for (Path folder : folders) {
            DurableFiles.syncDirectory(folder);
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
