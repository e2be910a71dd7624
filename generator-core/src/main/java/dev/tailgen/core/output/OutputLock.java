package dev.tailgen.core.output;

import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One writer per output folder at a time (two terminals, a parallel reactor, an IDE build): an
 * exclusive lock on a file beside the folder. The holder writes who it is into the file; a second run
 * waits a bounded time, then fails naming the holder. The file is removed on release, so a run leaves
 * nothing beside the folder; a run that finds, once it holds the lock, that the name now leads to another
 * file (the previous holder removed it and a third run made it anew) locks again, so two runs never
 * hold locks on two different files of the same name.
 */
final class OutputLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** @param target the output folder the lock guards (named in the message) */
    static OutputLock acquire(Path file, Path target, Duration wait) throws IOException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // another writer in this JVM (a parallel reactor) holds it
            }
            if (lock != null && holds(channel, file)) {
                return new OutputLock(file, channel, lock);
            }
            if (lock != null) {
                lock.release(); // the file was removed and made anew since we opened it: lock the new one
            }
            channel.close();
            if (Instant.now().isAfter(deadline)) {
                throw new GenerationException("another run is writing " + target + " (" + readHolder(file) + "); waited "
                        + seconds(wait) + " s for it to finish. Run one generate at a time on an output folder, and give each"
                        + " module of a parallel build its own", true);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationException("interrupted while waiting for another run to finish writing " + target, true);
            }
        }
    }

    /**
     * Writes who we are into the locked file and reads it back through its name: the same text means the
     * name still leads to the file we locked, not one made anew after its holder removed it.
     */
    private static boolean holds(FileChannel channel, Path file) throws IOException {
        String me = holder();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(me);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** {@code 30}, {@code 0.3}: whole seconds without a fraction. */
    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    private static String holder() {
        return "pid " + ManagementFactory.getRuntimeMXBean().getPid() + ", thread " + Thread.currentThread().getName()
                + ", since " + Instant.now() + " (run " + UUID.randomUUID().toString().substring(0, 8) + ")";
    }

    private static String readHolder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    /** Removes the file, then releases the lock (in that order: see the class comment). */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            lock.release();
            channel.close();
        }
    }
}
