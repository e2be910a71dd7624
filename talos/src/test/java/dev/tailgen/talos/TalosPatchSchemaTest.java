package dev.tailgen.talos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rendered document against the upstream Talos JSON schema of its version, one document at a time.
 * Skipped when {@code ../shared/upstream} is absent.
 */
class TalosPatchSchemaTest {

    static final List<InlineManifest> INLINE = List.of(
            TalosPatchRenderTest.NAMESPACE,
            new InlineManifest("leading-space", "  # indented\nkind: B\n"),
            new InlineManifest("123", "kind: C"));
    static final List<ExternalManifest> EXTERNAL = List.of(
            TalosPatchRenderTest.CRDS,
            new ExternalManifest("true", "http://example.com:8080/x.yaml"));

    @Test
    void legacyPatchPassesV113AndV112() {
        String patch = TalosPatch.render(TalosVersion.parse("1.13"), List.of("header"), INLINE, EXTERNAL);
        List<JsonNode> documents = Yaml.documents(patch);
        assertThat(documents).hasSize(1);
        for (String version : List.of("1.13", "1.12")) {
            TalosSchemas schemas = TalosSchemas.of(version);
            assertThat(schemas.defFor(documents.get(0))).isEqualTo(TalosSchemas.LEGACY_DEF);
            assertThat(schemas.validate(documents.get(0))).as("v" + version).isEmpty();
        }
    }

    @Test
    void typedDocumentsPassV114() {
        String patch = TalosPatch.render(TalosVersion.parse("1.14"), List.of("header"), INLINE, EXTERNAL);
        List<JsonNode> documents = Yaml.documents(patch);
        assertThat(documents).hasSize(5);
        TalosSchemas schemas = TalosSchemas.of("1.14");
        for (JsonNode document : documents) {
            assertThat(schemas.defFor(document)).isIn("k8s.KubeInlineManifestConfigV1Alpha1",
                    "k8s.KubeExternalManifestConfigV1Alpha1");
            assertThat(schemas.validate(document)).as(document.toString()).isEmpty();
        }
    }

    @Test
    void typedDocumentsPassV115Dev() {
        String patch = TalosPatch.render(TalosVersion.parse("1.15"), List.of(), INLINE, EXTERNAL);
        TalosSchemas schemas = TalosSchemas.of("1.15-dev");
        for (JsonNode document : Yaml.documents(patch)) {
            assertThat(schemas.validate(document)).as(document.toString()).isEmpty();
        }
    }

    /** Why the form switches at 1.14: the 1.14 schema dropped cluster.inlineManifests / extraManifests. */
    @Test
    void legacyPatchFailsV114() {
        String patch = TalosPatch.render(TalosVersion.parse("1.13"), List.of(), INLINE, EXTERNAL);
        List<String> errors = TalosSchemas.of("1.14").validate(Yaml.documents(patch).get(0));
        assertThat(errors).isNotEmpty();
        assertThat(String.join("\n", errors)).contains("inlineManifests").contains("extraManifests");
    }

    /** The schema check itself is not vacuous: broken documents fail. */
    @Test
    void schemaCatchesBrokenDocuments() {
        TalosSchemas v114 = TalosSchemas.of("1.14");
        List<JsonNode> bad = Yaml.documents("""
                apiVersion: v1alpha1
                kind: KubeInlineManifestConfig
                name: a
                ---
                apiVersion: v1alpha1
                kind: KubeExternalManifestConfig
                name: b
                url: ftp://example.com/x.yaml
                ---
                apiVersion: v1alpha1
                kind: KubeInlineManifestConfig
                name: c
                manifest: x
                contents: y
                """);
        for (JsonNode document : bad) {
            assertThat(v114.validate(document)).as(document.toString()).isNotEmpty();
        }
        JsonNode legacyExtraKey = Yaml.documents("cluster:\n  inlineManifests:\n    - name: a\n      manifest: x\n")
                .get(0);
        assertThat(TalosSchemas.of("1.13").validate(legacyExtraKey)).isNotEmpty();
    }

    /** The typed documents do not exist before 1.14. */
    @Test
    void typedDocumentsAreUnknownToV113() {
        JsonNode root = Yaml.documents(TalosPatch.render(TalosVersion.parse("1.14"), List.of(), INLINE, List.of()))
                .get(0);
        TalosSchemas v113 = TalosSchemas.of("1.13");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> v113.defFor(root))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("KubeInlineManifestConfig");
    }

    /** The upstream sample documents pass their schema (persist removed), so the helper reads the schema right. */
    @Test
    void upstreamSamplesPass() {
        TalosSchemas v114 = TalosSchemas.of("1.14");
        for (String sample : List.of("sample-kubeinlinemanifestconfig-v1.14.yaml",
                "sample-kubeexternalmanifestconfig-v1.14.yaml")) {
            for (JsonNode document : Yaml.documents(SharedData.talosFile(sample))) {
                assertThat(v114.validate(document)).as(sample).isEmpty();
            }
        }
    }
}
