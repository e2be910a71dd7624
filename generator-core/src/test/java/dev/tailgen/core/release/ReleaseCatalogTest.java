package dev.tailgen.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.output.OutputFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCatalogTest {
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void everyLineIsReadAndExactlyOneIsTheDefault() {
        ReleaseCatalog catalog = ReleaseCatalog.bundled();
        assertThat(catalog.lines()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(catalog.lines().stream().filter(l -> l.defaultVersion() != null)).hasSize(1);
        for (ReleaseLine line : catalog.lines()) {
            assertThat(catalog.release(OperatorVersion.parse(line.tested().get(0)))).get()
                    .satisfies(r -> assertThat(r.tested()).isTrue());
            assertThat(line.crds()).allSatisfy(c -> assertThat(c.name()).endsWith(".tailscale.com"));
        }
    }

    /** The plugin runs from a jar: the lines are listed from its entries, not a folder. */
    @Test
    void linesAreListedFromAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("core.jar");
        Path root = CLASSES.resolve(ReleaseCatalog.ROOT);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String name = CLASSES.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : "");
                out.putNextEntry(new JarEntry(name));
                if (Files.isRegularFile(p)) {
                    out.write(Files.readAllBytes(p));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ReleaseCatalog fromJar = ReleaseCatalog.load(loader);
            assertThat(fromJar.lineNames()).isEqualTo(ReleaseCatalog.bundled().lineNames());
            assertThat(fromJar.defaultRelease()).isEqualTo(ReleaseCatalog.bundled().defaultRelease());
        }
    }

    /** An untested patch of a known line: the line's facts, images and CRD URLs pinned to the patch itself. */
    @Test
    void untestedPatchIsPinnedToItself(@TempDir Path dir) throws IOException {
        ReleaseLine line = ReleaseCatalog.bundled().defaultRelease().line();
        OperatorVersion tested = OperatorVersion.parse(line.tested().get(0));
        String untested = new OperatorVersion(tested.major(), tested.minor(), tested.patch() + 2).toString();
        String config = TestConfigs.MINIMAL.replace("  hostname: tailscale-operator\n",
                "  hostname: tailscale-operator\n  version: " + untested + "\n");
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, config)).render();
        String install = result.file("manifests/tailscale-operator.yaml").map(OutputFile::content).orElseThrow();
        assertThat(install).contains("image: \"" + line.images().operator() + ":" + untested + "\"")
                .contains("value: \"" + line.images().proxy() + ":" + untested + "\"");
        assertThat(result.crdUrls()).hasSize(line.crds().size()).allSatisfy(u -> assertThat(u).contains("/" + untested + "/"));
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("operator " + untested + " is not a tested patch"));
    }

    @Test
    void versionsOrderByNumberNotText() {
        List<String> sorted = Stream.of("v1.10.3", "v1.9.10", "v1.9.9").map(OperatorVersion::parse).sorted()
                .map(OperatorVersion::toString).toList();
        assertThat(sorted).containsExactly("v1.9.9", "v1.9.10", "v1.10.3");
    }
}
