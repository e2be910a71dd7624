package dev.tailgen.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.SharedData;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.output.OutputFile;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** The plugin runs from a jar: the lines are listed from its entries (files only: a jar need not list folders). */
    @Test
    void linesAreListedFromAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("core.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(CLASSES.resolve("tailgen"))) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("templates")).sorted().toList()) {
                out.putNextEntry(new JarEntry(CLASSES.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ReleaseCatalog fromJar = ReleaseCatalog.load(loader);
            assertThat(fromJar.lineNames()).isEqualTo(ReleaseCatalog.bundled().lineNames());
            assertThat(fromJar.defaultRelease()).isEqualTo(ReleaseCatalog.bundled().defaultRelease());
        }
    }

    /** Each line's CRD list is its reference release's crds/ folder: names, scope, short names, in file-name order. */
    @Test
    void crdFactsAreTheReferenceReleases() throws IOException {
        ObjectMapper yaml = new YAMLMapper();
        for (ReleaseLine line : ReleaseCatalog.bundled().lines()) {
            List<ReleaseLine.Crd> upstream = new ArrayList<>();
            try (Stream<Path> files = Files.list(SharedData.upstream().resolve(line.reference()).resolve("crds"))) {
                for (Path f : files.sorted().toList()) {
                    JsonNode spec = yaml.readTree(f.toFile()).path("spec");
                    JsonNode names = spec.path("names");
                    List<String> shortNames = new ArrayList<>();
                    names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
                    upstream.add(new ReleaseLine.Crd(names.path("kind").asText(), names.path("plural").asText(),
                            spec.path("group").asText(), spec.path("scope").asText(), shortNames));
                }
            }
            assertThat(line.crds()).as(line.line()).isEqualTo(upstream);
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
