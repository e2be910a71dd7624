package dev.tailgen.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.problem.TailgenException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Jazzer fuzz targets for load, validate and render. The only outcomes allowed: output (which the
 * generator has re-parsed and checked), or our typed error for bad input, with a message. Anything
 * else (an internal error, any other exception) is a finding. Without JAZZER_FUZZ=1 (mvn verify) the
 * seed corpus in src/test/resources/.../ConfigFuzzTestInputs runs as regression tests; with it,
 * Jazzer mutates for maxDuration (see the README for longer runs).
 */
class ConfigFuzzTest {
    /** One generator for every input: it re-reads the file on each render, and keeps Jinjava and the schema warm. */
    private static final Path CONFIG;
    private static final Generator GENERATOR;

    static {
        try {
            Path dir = Files.createTempDirectory("tailgen-fuzz");
            Files.createDirectories(dir.resolve("secrets"));
            Files.writeString(dir.resolve("secrets/oauth-client-id.demo"), "fuzz-client-id");
            Files.writeString(dir.resolve("secrets/oauth-client-secret.demo"), "fuzz-client-secret");
            CONFIG = dir.resolve("tailscale.yaml");
            GENERATOR = TestConfigs.generator(CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s") // a default; -Djazzer.max_duration=10m runs longer
    void arbitraryBytes(byte[] input) throws IOException {
        render(input);
    }

    /** Structured mutations: the example config with one line's value replaced or one line inserted. */
    @FuzzTest(maxDuration = "30s") // a default; -Djazzer.max_duration=10m runs longer
    void mutatedExample(FuzzedDataProvider data) throws IOException {
        List<String> lines = ExampleConfig.lines();
        int at = data.consumeInt(0, lines.size() - 1);
        String value = data.consumeString(200);
        String line = lines.get(at);
        List<String> mutated = new java.util.ArrayList<>(lines);
        if (data.consumeBoolean() && line.contains(": ")) {
            mutated.set(at, line.substring(0, line.indexOf(": ") + 2) + value);
        } else {
            mutated.add(at, line.replaceAll("\\S.*$", "") + value);
        }
        render(String.join("\n", mutated).getBytes(StandardCharsets.UTF_8));
    }

    private static void render(byte[] config) throws IOException {
        Files.write(CONFIG, config);
        GenerationResult result;
        try {
            result = GENERATOR.render();
        } catch (TailgenException e) {
            if (!e.userError() || e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("not a user error with a message: " + e, e);
            }
            return;
        }
        if (result.files().isEmpty() || result.objectCount() == 0) {
            throw new AssertionError("rendered nothing");
        }
    }
}
