package dev.tailgen.talos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Files that survive a crash or a power loss and never show a secret to others: written to a new file
 * that is owner-only from the moment it exists, flushed to disk, then renamed over the target, and the
 * folder flushed after the rename (a rename is only durable once its directory is). Shared by the
 * output writer and the machine-config edit, so both front-ends get the same guarantees.
 */
public final class DurableFiles {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DurableFiles() {
    }

    /**
     * Creates {@code path} (it must not exist), writes and flushes it.
     *
     * @param ownerOnly create it readable by its owner alone (where the file system has POSIX modes)
     * @param created   called right after the file exists and before a byte is written (a test seam)
     */
    public static void create(Path path, byte[] bytes, boolean ownerOnly, Consumer<Path> created) throws IOException {
        boolean posix = Files.getFileStore(path.getParent()).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = ownerOnly && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try (FileChannel out = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
            if (ownerOnly && !posix) {
                ownerOnlyWithoutPosix(path);
            }
            created.accept(path);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    /** {@link #replace(Path, byte[], Consumer)} without a test seam. */
    public static void replace(Path path, byte[] bytes) throws IOException {
        replace(path, bytes, created -> { });
    }

    /**
     * Replaces the file at {@code path} with {@code bytes}, keeping its permissions: through a sibling
     * temp file that is owner-only when created (it may hold the cluster's keys), gets the original's
     * permissions only once written, and is renamed over the original. A symbolic link is kept: the
     * file it points to is replaced.
     *
     * @param created called right after the temp file exists (a test seam)
     */
    public static void replace(Path path, byte[] bytes, Consumer<Path> created) throws IOException {
        Path real = path.toRealPath(); // follow a symlink: replace its target, keep the link
        Path temp = real.resolveSibling("." + real.getFileName() + ".tailgen-new");
        Files.deleteIfExists(temp); // left by a run that was killed; owner-only, so it showed nobody the keys
        try {
            create(temp, bytes, true, created);
            PosixFileAttributeView from = Files.getFileAttributeView(real, PosixFileAttributeView.class);
            PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (from != null && to != null) {
                to.setPermissions(from.readAttributes().permissions());
            }
            move(temp, real);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(real.getParent());
    }

    /** Renames atomically where the file system can, replacing {@code to}. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Flushes a folder's entries (new names, renames) to disk. Linux and macOS allow it; where a
     * folder cannot be opened (Windows), renames are durable through the file system's own journal.
     */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (FileSystemException | UnsupportedOperationException e) {
            // a folder that cannot be opened for reading: nothing to flush through it
        }
    }

    private static void ownerOnlyWithoutPosix(Path path) {
        var file = path.toFile();
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
    }
}
