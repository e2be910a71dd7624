package dev.tailgen.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.release.ReleaseCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled examples: homelab rendered for Talos 1.13 and 1.14 and on every release line, cluster as it is; byte for byte against golden files in
 * src/test/resources/golden/. After an intended change: -Dtailgen.updateGolden=true, review the diff.
 * The output's .gitignore is stored as _gitignore, or git would ignore the golden secret files.
 */
class GoldenFilesTest {
    static final Path EXAMPLE = Path.of("..", "examples", "homelab");
    static final Path CLUSTER = Path.of("..", "examples", "cluster");
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    /** operator.version in the example (talos.version is a quoted "1.x", so only the operator's matches). */
    private static final Pattern OPERATOR_VERSION = Pattern.compile("(?m)^  version: (v[0-9]+\\.[0-9]+\\.[0-9]+)");

    @ParameterizedTest(name = "Talos {0}")
    @ValueSource(strings = {"1.13", "1.14"})
    void homelabMatchesGoldenFiles(String talos, @TempDir Path dir) throws IOException {
        matchesGolden(render(talos, dir), GOLDEN.resolve("homelab-talos-" + talos));
    }

    /** The example on every other release line's tested patch (golden homelab-<version>-talos-1.13). */
    @ParameterizedTest(name = "operator {0}")
    @MethodSource("otherLines")
    void homelabOnOtherReleaseLinesMatchesGoldenFiles(String version, @TempDir Path dir) throws IOException {
        matchesGolden(render("1.13", version, dir), GOLDEN.resolve("homelab-" + version + "-talos-1.13"));
    }

    /** The second example (named ProxyClasses, the device plugin, an older operator line, Talos 1.14) as it is. */
    @Test
    void clusterMatchesGoldenFiles(@TempDir Path dir) throws IOException {
        String config = Files.readString(CLUSTER.resolve("tailscale.yaml"), StandardCharsets.UTF_8);
        matchesGolden(TestConfigs.generator(TestConfigs.write(dir, config)).render(), GOLDEN.resolve("cluster"));
    }

    static Stream<String> otherLines() throws IOException {
        String example = exampleVersion();
        return ReleaseCatalog.bundled().lines().stream().map(l -> l.tested().get(0)).filter(v -> !v.equals(example));
    }

    private static String exampleVersion() throws IOException {
        Matcher m = OPERATOR_VERSION.matcher(Files.readString(EXAMPLE.resolve("tailscale.yaml"), StandardCharsets.UTF_8));
        assertThat(m.find()).as("the example pins operator.version").isTrue();
        return m.group(1);
    }

    private static void matchesGolden(GenerationResult result, Path golden) throws IOException {
        if (Boolean.getBoolean("tailgen.updateGolden")) {
            write(golden, result.files());
        }
        try (Stream<Path> walk = Files.walk(golden)) {
            List<String> goldenFiles = walk.filter(Files::isRegularFile)
                    .map(p -> golden.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(goldenFiles).isEqualTo(result.files().stream().map(f -> stored(f.path())).sorted().toList());
        }
        for (OutputFile file : result.files()) {
            assertThat(file.content()).as(file.path())
                    .isEqualTo(Files.readString(golden.resolve(stored(file.path())), StandardCharsets.UTF_8));
        }
    }

    /** The example's config with its Talos version switched, its demo secret files beside it. */
    static GenerationResult render(String talos, Path dir) throws IOException {
        return render(talos, exampleVersion(), dir);
    }

    /** ... and its operator version too. */
    static GenerationResult render(String talos, String operatorVersion, Path dir) throws IOException {
        String config = Files.readString(EXAMPLE.resolve("tailscale.yaml"), StandardCharsets.UTF_8)
                .replace("version: \"1.13\"", "version: \"" + talos + "\"");
        config = OPERATOR_VERSION.matcher(config).replaceFirst("  version: " + operatorVersion);
        Files.createDirectories(dir.resolve("secrets"));
        try (Stream<Path> secrets = Files.list(EXAMPLE.resolve("secrets"))) {
            for (Path s : secrets.toList()) {
                Files.copy(s, dir.resolve("secrets").resolve(s.getFileName()));
            }
        }
        return TestConfigs.generator(TestConfigs.write(dir, config)).render();
    }

    private static String stored(String path) {
        return path.equals(".gitignore") ? "_gitignore" : path;
    }

    private static void write(Path golden, List<OutputFile> files) throws IOException {
        if (Files.exists(golden)) {
            try (Stream<Path> walk = Files.walk(golden)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (OutputFile f : files) {
            Path target = golden.resolve(stored(f.path()));
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.content(), StandardCharsets.UTF_8);
        }
    }
}
