package dev.tailgen.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.talos.InlineManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * manifests/kustomization.yaml, built by the real {@code kubectl kustomize}, gives exactly the objects
 * GitOps owns (the remote CRD URLs left out: the build runs offline): with talos.role: owner what Talos
 * does not carry, the two together every object; with talos.role: bootstrap every object. CI has kubectl
 * (CI=true makes its absence a failure); elsewhere the test is skipped without it.
 */
class KustomizationTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest(name = "examples/{0}")
    @CsvSource({"homelab, false", "cluster, true", "clusters/home, true", "clusters/lab, true"})
    void kubectlKustomizeBuildsExactlyTheObjectsGitOpsOwns(String example, boolean bootstrapOnly, @TempDir Path dir) throws Exception {
        Path kubectl = kubectl();
        Path exampleDir = Path.of("..", "examples", example);
        Path config = exampleDir.resolve("tailscale.yaml"); // rendered in place: its secrets and bases resolve as in the example
        GenerationResult result = TestConfigs.generator(config).render();
        assertThat(TestConfigs.text(result, "inventory.json")).contains("\"role\": \"" + (bootstrapOnly ? "bootstrap" : "owner") + "\"");
        Path manifests = Files.createDirectories(dir.resolve("out").resolve("manifests"));
        for (OutputFile f : result.files()) {
            if (f.path().startsWith("manifests/")) {
                String text = f.path().equals(OutputLayout.KUSTOMIZATION)
                        ? f.content().replaceAll("(?m)^  - https://.*\\n", "") : f.content();
                Files.writeString(manifests.resolve(f.path().substring("manifests/".length())), text, StandardCharsets.UTF_8);
            }
        }

        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", manifests.toString()).redirectErrorStream(true).start();
        String built = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(built).isZero();

        Set<String> all = new TreeSet<>();
        for (JsonNode doc : TestConfigs.manifestDocuments(result)) {
            if (!doc.path("kind").asText().equals("Secret")) {
                all.add(key(doc));
            }
        }
        Set<String> talos = new TreeSet<>();
        for (InlineManifest m : result.talosContent().inline()) {
            documents(m.contents()).forEach(doc -> talos.add(key(doc)));
        }
        Set<String> got = new TreeSet<>();
        for (JsonNode doc : documents(built)) {
            got.add(key(doc));
        }
        if (bootstrapOnly) {
            // talos.role: bootstrap: GitOps owns everything, what Talos applied at bootstrap too
            assertThat(got).isEqualTo(all);
            assertThat(all).containsAll(talos);
        } else {
            // talos.role: owner: one owner each, together everything
            Set<String> union = new TreeSet<>(got);
            union.addAll(talos);
            assertThat(union).isEqualTo(all);
            assertThat(got).doesNotContainAnyElementsOf(talos);
        }
    }

    private static String key(JsonNode doc) {
        return doc.path("apiVersion").asText() + " " + doc.path("kind").asText() + " "
                + doc.path("metadata").path("namespace").asText("") + "/" + doc.path("metadata").path("name").asText();
    }

    private static List<JsonNode> documents(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Path kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        assertThat("true".equals(System.getenv("CI"))).as("kubectl on the PATH (CI needs it for this test)").isFalse();
        Assumptions.assumeTrue(false, "kubectl is not on the PATH");
        return null;
    }
}
