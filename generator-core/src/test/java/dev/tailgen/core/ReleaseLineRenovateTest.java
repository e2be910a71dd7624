package dev.tailgen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.release.OperatorVersion;
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

/**
 * The Renovate rule in the README, run as written: its regex finds operator.version in the bundled
 * example and in the normative spec; a patch bump at the match renders, a bump to an unknown line
 * fails at operator.version.
 */
class ReleaseLineRenovateTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLE = Path.of("..", "examples", "homelab");

    /** The JSON block under "### Renovate". */
    private static JsonNode rule() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int section = readme.indexOf("### Renovate");
        assertThat(section).as("README has a Renovate section").isPositive();
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        int end = readme.indexOf("```", start);
        return new ObjectMapper().readTree(readme.substring(start, end)).path("customManagers").get(0);
    }

    private static Pattern versionPattern() throws IOException {
        JsonNode rule = rule();
        assertThat(rule.path("customType").asText()).isEqualTo("regex");
        assertThat(rule.path("datasourceTemplate").asText()).isEqualTo("docker");
        assertThat(rule.path("depNameTemplate").asText()).isEqualTo("tailscale/k8s-operator");
        String files = rule.path("managerFilePatterns").get(0).asText();
        Pattern file = Pattern.compile(files.substring(1, files.length() - 1)); // /.../ is a regex in Renovate
        assertThat(file.matcher("infra/tailscale.yaml").find()).isTrue();
        assertThat(file.matcher("tailscale.yml").find()).isTrue();
        assertThat(file.matcher("talos/controlplane.yaml").find()).isFalse();
        return Pattern.compile(rule.path("matchStrings").get(0).asText());
    }

    @Test
    void findsTheOperatorVersionInTheExampleAndTheSpec() throws IOException {
        Pattern version = versionPattern();
        Path spec = SharedData.spec().getParent();
        for (Path file : List.of(EXAMPLE.resolve("tailscale.yaml"), spec.resolve("tailscale.yaml"), spec.resolve("advanced.yaml"))) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = version.matcher(text);
            assertThat(m.find()).as(file.toString()).isTrue();
            String written = new YAMLMapper().readTree(text).path("operator").path("version").asText();
            assertThat(m.group("currentValue")).as(file.toString()).isEqualTo(written);
            assertThat(m.find()).as("one match in " + file).isFalse();
        }
    }

    @Test
    void aPatchBumpRendersAndANewLineIsRefused(@TempDir Path dir) throws IOException {
        String example = Files.readString(EXAMPLE.resolve("tailscale.yaml"), StandardCharsets.UTF_8);
        Matcher m = versionPattern().matcher(example);
        assertThat(m.find()).isTrue();
        OperatorVersion current = OperatorVersion.parse(m.group("currentValue"));
        String patch = new OperatorVersion(current.major(), current.minor(), current.patch() + 1).toString();
        GenerationResult bumped = render(dir.resolve("patch"), bump(example, m, patch));
        assertThat(bumped.notes()).anySatisfy(n -> assertThat(n).startsWith("operator " + patch + " is not a tested patch"));

        String line = new OperatorVersion(current.major(), current.minor() + 100, 0).toString();
        assertThatThrownBy(() -> render(dir.resolve("line"), bump(example, m, line)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("operator.version: " + line + " is on release line ")
                .hasMessageContaining(", which this plugin does not know; it knows ");
    }

    /** What Renovate writes: the example with the matched version replaced, nothing else. */
    private static String bump(String text, Matcher m, String version) {
        return text.substring(0, m.start("currentValue")) + version + text.substring(m.end("currentValue"));
    }

    private static GenerationResult render(Path dir, String config) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        try (Stream<Path> secrets = Files.list(EXAMPLE.resolve("secrets"))) {
            for (Path s : secrets.toList()) {
                Files.copy(s, dir.resolve("secrets").resolve(s.getFileName()));
            }
        }
        return TestConfigs.generator(TestConfigs.write(dir, config)).render();
    }
}
