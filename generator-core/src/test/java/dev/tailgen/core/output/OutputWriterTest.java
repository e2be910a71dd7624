package dev.tailgen.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
    private final OutputWriter writer = new OutputWriter();

    @Test
    void secretFilesAreOwnerOnlyAndOthersAreNot(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        writer.write(out, List.of(new OutputFile("a/plain.yaml", "x: 1\n", false), new OutputFile("a/secret.yaml", "s: 2\n", true)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a/secret.yaml")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a/plain.yaml")))).startsWith("rw-r");
        assertThat(Files.readString(out.resolve("a/plain.yaml"))).isEqualTo("x: 1\n");
    }

    @Test
    void aSecondRunReplacesTheWholeFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        writer.write(out, List.of(new OutputFile("old.yaml", "a\n", false)));
        writer.write(out, List.of(new OutputFile("new.yaml", "b\n", false)));
        assertThat(out.resolve("old.yaml")).doesNotExist();
        assertThat(out.resolve("new.yaml")).hasContent("b");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
        }
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertThatThrownBy(() -> writer.write(dir, List.of(new OutputFile("x.yaml", "x\n", false))))
                .isInstanceOf(GenerationException.class)
                .hasMessage("outputDirectory " + dir.toAbsolutePath().normalize() + " holds files this plugin did not write (no "
                        + ".tailgen-output marker); it replaces the whole folder, so choose an empty or new folder");
        assertThat(dir.resolve("pom.xml")).exists();
    }

    @Test
    void secretFilesAreOwnerOnlyFromTheirCreation(@TempDir Path dir) {
        Map<String, String> modes = new TreeMap<>();
        OutputWriter observed = new OutputWriter(new OutputWriter.Hooks() {
            @Override
            public void created(Path file) {
                try {
                    modes.put(file.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                            + " " + Files.size(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, OutputWriter.DEFAULT_WAIT);
        observed.write(dir.resolve("out"), List.of(new OutputFile("secret.yaml", "s: 1\n", true), new OutputFile("plain.yaml", "p: 1\n", false)));
        assertThat(modes.get("secret.yaml")).isEqualTo("rw------- 0");
        assertThat(modes.get("plain.yaml")).startsWith("rw-r");
    }

    /** Two runs on one folder, forced to overlap: the second waits, then fails naming the first; the output is the first's, whole. */
    @Test
    void aSecondRunOnTheSameFolderWaitsThenFailsNamingTheFirst(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CountDownLatch staged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutputWriter first = new OutputWriter(new OutputWriter.Hooks() {
            @Override
            public void staged() {
                staged.countDown();
                await(release);
            }
        }, OutputWriter.DEFAULT_WAIT);
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "first-run"));
        try {
            Future<?> running = pool.submit(() -> first.write(out, List.of(new OutputFile("first.yaml", "a: 1\n", false))));
            assertThat(staged.await(10, TimeUnit.SECONDS)).isTrue();
            OutputWriter second = new OutputWriter(new OutputWriter.Hooks() {
            }, Duration.ofMillis(300));
            assertThatThrownBy(() -> second.write(out, List.of(new OutputFile("second.yaml", "b: 1\n", false))))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageStartingWith("another run is writing " + out.toAbsolutePath() + " (pid ")
                    .hasMessageContaining("thread first-run, since ")
                    .hasMessageEndingWith("); waited 0.3 s for it to finish. Run one generate at a time on an output folder,"
                            + " and give each module of a parallel build its own");
            release.countDown();
            running.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(".tailgen-output", "first.yaml");
        }
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
        }
    }

    /** The second run waits while the first finishes in time, then writes its own output. */
    @Test
    void aSecondRunWaitsForTheFirstToFinish(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CountDownLatch staged = new CountDownLatch(1);
        OutputWriter first = new OutputWriter(new OutputWriter.Hooks() {
            @Override
            public void staged() {
                staged.countDown();
                sleep(300);
            }
        }, OutputWriter.DEFAULT_WAIT);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = pool.submit(() -> first.write(out, List.of(new OutputFile("first.yaml", "a: 1\n", false))));
            assertThat(staged.await(10, TimeUnit.SECONDS)).isTrue();
            writer.write(out, List.of(new OutputFile("second.yaml", "b: 1\n", false)));
            running.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(out.resolve("second.yaml")).hasContent("b: 1");
        assertThat(out.resolve("first.yaml")).doesNotExist();
    }

    /** A run stopped between moving the old folder aside and moving its own in: the next run puts the old one back first. */
    @Test
    void aCrashBetweenTheRenamesIsRecoveredByTheNextRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        writer.write(out, List.of(new OutputFile("v1.yaml", "one\n", false)));
        OutputWriter crashing = new OutputWriter(new OutputWriter.Hooks() {
            @Override
            public void betweenRenames() {
                throw new Crash();
            }
        }, OutputWriter.DEFAULT_WAIT);
        assertThatThrownBy(() -> crashing.write(out, List.of(new OutputFile("v2.yaml", "two\n", false)))).isInstanceOf(Crash.class);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve(".out.tailgen-old").resolve("v1.yaml")).hasContent("one");

        List<String> seenBeforeWriting = new ArrayList<>();
        OutputWriter next = new OutputWriter(new OutputWriter.Hooks() {
            @Override
            public void staged() {
                seenBeforeWriting.add(Files.exists(out.resolve("v1.yaml")) ? "v1 back in place" : "v1 missing");
            }
        }, OutputWriter.DEFAULT_WAIT);
        List<String> notices = next.write(out, List.of(new OutputFile("v3.yaml", "three\n", false)));
        assertThat(notices).containsExactly("Put back the output of an earlier run in " + out.toAbsolutePath()
                + ": a run was stopped after moving it aside and before moving its own output in");
        assertThat(seenBeforeWriting).containsExactly("v1 back in place");
        assertThat(out.resolve("v3.yaml")).hasContent("three");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
        }
    }

    /** What a crash is to the writer: it stops where it is, cleaning nothing up. */
    private static final class Crash extends Error {
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
