package dev.tailgen.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.SharedData;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The talconfig.yaml snippets validate against talhelper's schema once merged into its example config. */
class TalhelperSnippetsTest {
    static final String CONFIG = TestConfigs.MINIMAL.replace("  version: \"1.13\"\n",
            "  version: \"1.13\"\n  talhelper: {outputPath: ./generated/tailscale}\n");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void bothSnippetsValidateInTalconfig(@TempDir Path dir) throws IOException {
        Path talhelper = SharedData.upstream().resolve("talhelper");
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, CONFIG)).render();
        String patches = TestConfigs.text(result, TalhelperSnippets.PATCHES);
        String inline = TestConfigs.text(result, TalhelperSnippets.INLINE);
        assertThat(patches).endsWith("""
                controlPlane:
                  patches:
                    - "@./generated/tailscale/talos/tailscale-operator.patch.yaml"
                    # the OAuth Secret's own patch: commit it sops-encrypted (talhelper decrypts @files), or apply it apart
                    - "@./generated/tailscale/talos/tailscale-operator-oauth.patch.yaml"
                """);
        assertThat(inline).endsWith("""
                inlineManifests:
                  - name: tailscale-operator
                    contents: "@./generated/tailscale/manifests/tailscale-operator.yaml"
                    skipEnvsubst: true
                """);

        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(talhelper.resolve("talconfig.json")), InputFormat.JSON);
        // the upstream example itself has a few type errors in its nodes (quoted ints): the snippets must add none
        JsonNode example = yaml.readTree(talhelper.resolve("example-talconfig.yaml").toFile());
        List<String> baseline = messages(schema, example);
        assertThat(baseline).noneMatch(m -> m.contains("controlPlane") || m.contains("inlineManifests"));
        for (String snippet : List.of(patches, inline)) {
            ObjectNode talconfig = (ObjectNode) example.deepCopy();
            merge(talconfig, (ObjectNode) yaml.readTree(snippet));
            assertThat(messages(schema, talconfig)).as(snippet).isEqualTo(baseline);
            assertThat(talconfig.toString()).contains("generated/tailscale");
        }
        // what the snippets point at is free of talhelper's substitution syntax
        for (OutputFile f : result.files()) {
            if (f.path().startsWith("talos/") && !f.secret()) {
                assertThat(f.content()).doesNotContain("$").doesNotContain("{{");
            }
        }
    }

    @Test
    void refusesAPatchThatTalhelperWouldRewrite() {
        OutputFile patch = new OutputFile("talos/tailscale-operator.patch.yaml", "cluster:\n  x: ok\n  y: \"${HOST}\"\n", false);
        assertThatThrownBy(() -> TalhelperSnippets.files("./out", List.of(patch), Set.of(), "tailscale.yaml"))
                .isInstanceOf(GenerationException.class)
                .hasMessage("talos/tailscale-operator.patch.yaml line 3 holds \"$\", which talhelper's envsubst or templates would"
                        + " rewrite; remove it from the config value it comes from, or drop talos.talhelper and apply the patch with talosctl");
    }

    private static List<String> messages(Schema schema, JsonNode doc) {
        return schema.validate(doc).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).sorted().toList();
    }

    /** Snippet keys added to the example; lists (patches, inlineManifests) appended, as a user pastes them. */
    private static void merge(ObjectNode target, ObjectNode snippet) {
        snippet.fields().forEachRemaining(e -> {
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode s) {
                merge(o, s);
            } else if (existing instanceof ArrayNode a && e.getValue() instanceof ArrayNode s) {
                a.addAll(s);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        });
    }
}
