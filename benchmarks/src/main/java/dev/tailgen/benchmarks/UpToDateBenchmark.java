package dev.tailgen.benchmarks;

import dev.tailgen.core.Generator;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.uptodate.Fingerprint;
import dev.tailgen.core.uptodate.UpToDate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A second generate with nothing changed: what the mojo does before it would load any template or
 * schema (fingerprint the inputs, compare with the output folder's marker). Cold is one shot in a
 * fresh JVM (what a Maven build pays once); warm is the steady state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class UpToDateBenchmark {
    private Path config;
    private Path output;

    @Setup(Level.Trial)
    public void writeOutputOnce() throws IOException {
        config = Homelab.config();
        output = Files.createTempDirectory("tailgen-uptodate").resolve("out");
        // rendering happens in setup, in another class loader state than the check would see in Maven;
        // only the check below is timed
        Generator generator = Homelab.generator(config);
        generator.write(generator.render(), output, Fingerprint.of(config, SecretSource.systemEnvironment()));
    }

    /** Cold: the first and only check in a fresh JVM. */
    @Benchmark
    public boolean coldUpToDateCheck() {
        return check();
    }

    /** Warm: repeated checks in one JVM. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public boolean warmUpToDateCheck() {
        return check();
    }

    private boolean check() {
        boolean upToDate = UpToDate.holds(output, Fingerprint.of(config, SecretSource.systemEnvironment()));
        if (!upToDate) {
            throw new IllegalStateException("expected the output to be up to date");
        }
        return upToDate;
    }
}
