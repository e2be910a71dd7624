package dev.tailgen.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.GeneratorSettings;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.output.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm in-process generation (load, validate, resolve, check, render, re-parse, order, serialize,
 * Talos patches, report; no file writing) against the floor: Jackson alone serializing the same
 * final objects to YAML. {@code services = 0} is the bundled homelab example. Run with
 * {@code -prof gc} for bytes allocated per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GenerateBenchmark {
    @Param({"0", "100", "1000", "5000"})
    public int services;

    private Generator generator;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        generator = generator(services);
    }

    static Generator generator(int services) throws IOException {
        Path config;
        if (services == 0) {
            config = Homelab.config();
        } else {
            config = Files.createTempDirectory("tailgen-bench").resolve("tailscale.yaml");
            Files.writeString(config, ScaledConfig.of(services), StandardCharsets.UTF_8);
        }
        return new Generator(new GeneratorSettings(config, "tailscale.yaml", SecretSource.systemEnvironment(), true, Homelab.FRONT_END));
    }

    @Benchmark
    public GenerationResult generate() {
        return generator.render();
    }

    /** The floor's own state, so the generate runs do not hold its objects in their heap. */
    @State(Scope.Benchmark)
    public static class Floor {
        @Param({"0", "100", "1000", "5000"})
        public int services;

        List<JsonNode> finalObjects;
        ObjectMapper jacksonOnly;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            jacksonOnly = new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE).build());
            finalObjects = new ArrayList<>();
            ObjectMapper reader = new ObjectMapper(new YAMLFactory());
            for (OutputFile f : generator(services).render().files()) {
                if (f.path().startsWith("manifests/") && f.path().endsWith(".yaml")) {
                    try (MappingIterator<JsonNode> docs = reader.readerFor(JsonNode.class).readValues(f.bytes())) {
                        finalObjects.addAll(docs.readAll());
                    }
                }
            }
        }
    }

    /** The floor: the same final objects written by Jackson alone (no templates, no checks). */
    @Benchmark
    public int jacksonFloor(Floor floor) throws IOException {
        int bytes = 0;
        for (JsonNode object : floor.finalObjects) {
            bytes += floor.jacksonOnly.writeValueAsString(object).length();
        }
        return bytes;
    }
}
