package dev.tailgen.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Embedding into existing machine configs: the upstream {@code gen config} samples (skipped when
 * {@code ../shared/upstream} is absent) and small hand-written configs with comments and odd layouts. The central
 * promise: every line that is not one of our entries stays byte-identical.
 */
class MachineConfigEmbedderTest {

    static final TalosVersion V113 = TalosVersion.parse("1.13");
    static final TalosVersion V114 = TalosVersion.parse("1.14");

    static final InlineManifest NAMESPACE = new InlineManifest("tailscale-namespace", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: tailscale
              labels:
                pod-security.kubernetes.io/enforce: privileged
            """);
    static final InlineManifest SETTINGS = new InlineManifest("tailscale-settings", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: tailscale

            data:
              hostname: operator
            """);
    static final InlineManifest SETTINGS_CHANGED = new InlineManifest("tailscale-settings", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: tailscale
            data:
              hostname: tailscale-operator
              verbose: "true"
            """);
    static final String CRDS_URL = "https://raw.githubusercontent.com/tailscale/tailscale/v1.90.6/"
            + "cmd/k8s-operator/deploy/crds/tailscale.com_connectors.yaml";
    static final String PROXY_CLASSES_URL = "https://raw.githubusercontent.com/tailscale/tailscale/v1.90.6/"
            + "cmd/k8s-operator/deploy/crds/tailscale.com_proxyclasses.yaml";
    static final List<InlineManifest> INLINE = List.of(NAMESPACE, SETTINGS);
    static final List<ExternalManifest> EXTERNAL = List.of(new ExternalManifest("tailscale-crds", CRDS_URL),
            new ExternalManifest("tailscale-proxyclasses", PROXY_CLASSES_URL));

    static final String SAMPLE_113 = "sample-controlplane.yaml";
    static final String SAMPLE_114 = "sample-controlplane-v1.14.yaml";

    /** What embedding INLINE and EXTERNAL adds right after the 1.13 sample's "cluster:" line. */
    static final String LEGACY_BLOCK = """
                inlineManifests:
                    - name: tailscale-namespace
                      contents: |
                        apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: tailscale
                          labels:
                            pod-security.kubernetes.io/enforce: privileged
                    - name: tailscale-settings
                      contents: |
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: settings
                          namespace: tailscale

                        data:
                          hostname: operator
                extraManifests:
                    - %s
                    - %s
            """.formatted(CRDS_URL, PROXY_CLASSES_URL);

    /** What embedding INLINE and EXTERNAL appends to the end of the 1.14 sample. */
    static final String DOCUMENTS = """
            ---
            apiVersion: v1alpha1
            kind: KubeInlineManifestConfig
            name: tailscale-namespace
            manifest: |
              apiVersion: v1
              kind: Namespace
              metadata:
                name: tailscale
                labels:
                  pod-security.kubernetes.io/enforce: privileged
            ---
            apiVersion: v1alpha1
            kind: KubeInlineManifestConfig
            name: tailscale-settings
            manifest: |
              apiVersion: v1
              kind: ConfigMap
              metadata:
                name: settings
                namespace: tailscale

              data:
                hostname: operator
            ---
            apiVersion: v1alpha1
            kind: KubeExternalManifestConfig
            name: tailscale-crds
            url: %s
            ---
            apiVersion: v1alpha1
            kind: KubeExternalManifestConfig
            name: tailscale-proxyclasses
            url: %s
            """.formatted(CRDS_URL, PROXY_CLASSES_URL);

    /**
     * An upstream sample as {@code gen config} writes it, minus its {@code persist: true} line: that key is
     * missing from every schema version while they forbid unknown keys (docs/talos.md §11), so the samples pass
     * the schemas only without it. It is not ours to fix; every other line is kept.
     */
    static String sample(String file) {
        try {
            String text = Files.readString(SharedData.talosFile(file));
            String withoutPersist = text.replace("persist: true\n", "");
            assertThat(withoutPersist).as("the sample writes persist: true").isNotEqualTo(text);
            return withoutPersist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines with their line breaks. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * The lines of {@code after} that are not lines of {@code before}, matched in order; fails unless removing
     * them gives {@code before} byte for byte.
     */
    static String addedLines(String before, String after) {
        List<String> original = lines(before);
        StringBuilder kept = new StringBuilder();
        StringBuilder added = new StringBuilder();
        int next = 0;
        for (String line : lines(after)) {
            if (next < original.size() && line.equals(original.get(next))) {
                kept.append(line);
                next++;
            } else {
                added.append(line);
            }
        }
        assertThat(kept.toString()).as("the result without our lines").isEqualTo(before);
        return added.toString();
    }

    static void assertSchema(String version, String config) {
        TalosSchemas schemas = TalosSchemas.of(version);
        List<JsonNode> documents = Yaml.documents(config);
        assertThat(documents).isNotEmpty();
        for (JsonNode document : documents) {
            assertThat(schemas.validate(document)).as(document.path("kind").asText("v1alpha1")).isEmpty();
        }
    }

    static JsonNode legacy(String config) {
        return Yaml.documents(config).stream().filter(TalosPatchMergeTest::isLegacy).findFirst().orElseThrow();
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.textValue() : node.path(field).textValue()).toList();
    }

    static String indent(String text, int by) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(text)) {
            out.append(line.equals("\n") ? "" : " ".repeat(by)).append(line);
        }
        return out.toString();
    }

    // ---- the upstream samples

    @Test
    void legacySampleGainsOurEntriesAfterClusterAndNothingElseChanges() {
        String original = sample(SAMPLE_113);
        String result = MachineConfigEmbedder.embed(original, V113, INLINE, EXTERNAL);

        assertThat(addedLines(original, result)).isEqualTo(LEGACY_BLOCK);
        assertThat(result).contains("\ncluster:\n" + LEGACY_BLOCK + "    id: ");
    }

    @Test
    void documentsSampleGainsOurDocumentsAtTheEndAndNothingElseChanges() {
        String original = sample(SAMPLE_114);
        String result = MachineConfigEmbedder.embed(original, V114, INLINE, EXTERNAL);

        assertThat(result).isEqualTo(original + DOCUMENTS);
        assertThat(addedLines(original, result)).isEqualTo(DOCUMENTS);
    }

    @Test
    void legacyResultPassesTheSchemaAndHoldsOneEntryPerName() {
        String result = MachineConfigEmbedder.embed(sample(SAMPLE_113), V113, INLINE, EXTERNAL);
        assertSchema("1.13", result);
        assertSchema("1.12", result);

        JsonNode cluster = legacy(result).path("cluster");
        assertThat(texts(cluster.path("inlineManifests"), "name"))
                .containsExactly("tailscale-namespace", "tailscale-settings");
        assertThat(texts(cluster.path("inlineManifests"), "contents"))
                .containsExactly(NAMESPACE.contents(), SETTINGS.contents());
        assertThat(texts(cluster.path("extraManifests"), null)).containsExactly(CRDS_URL, PROXY_CLASSES_URL);
        assertThat(cluster.path("clusterName").textValue()).isEqualTo("base");
    }

    @Test
    void documentsResultPassesTheSchema() {
        String result = MachineConfigEmbedder.embed(sample(SAMPLE_114), V114, INLINE, EXTERNAL);
        assertSchema("1.14", result);
        assertSchema("1.15-dev", result);
        assertThat(Yaml.documents(result)).hasSize(Yaml.documents(sample(SAMPLE_114)).size() + 4);
    }

    @Test
    void legacyReembeddingReplacesInPlace() {
        String first = MachineConfigEmbedder.embed(sample(SAMPLE_113), V113, INLINE, EXTERNAL);
        String second = MachineConfigEmbedder.embed(first, V113, List.of(NAMESPACE, SETTINGS_CHANGED), EXTERNAL);

        assertThat(second).isEqualTo(first.replace(indent(SETTINGS.contents(), 12),
                indent(SETTINGS_CHANGED.contents(), 12)));
        JsonNode entries = legacy(second).path("cluster").path("inlineManifests");
        assertThat(texts(entries, "name")).containsExactly("tailscale-namespace", "tailscale-settings");
        assertThat(entries.get(1).path("contents").textValue()).isEqualTo(SETTINGS_CHANGED.contents());
        assertSchema("1.13", second);
    }

    @Test
    void documentsReembeddingReplacesInPlace() {
        String first = MachineConfigEmbedder.embed(sample(SAMPLE_114), V114, INLINE, EXTERNAL);
        ExternalManifest moved = new ExternalManifest("tailscale-crds", CRDS_URL.replace("v1.90.6", "v1.92.0"));
        String second = MachineConfigEmbedder.embed(first, V114, List.of(NAMESPACE, SETTINGS_CHANGED),
                List.of(moved, EXTERNAL.get(1)));

        assertThat(second).isEqualTo(first
                .replace(indent(SETTINGS.contents(), 2), indent(SETTINGS_CHANGED.contents(), 2))
                .replace("url: " + CRDS_URL, "url: " + moved.url()));
        List<JsonNode> settings = Yaml.documents(second).stream()
                .filter(d -> "tailscale-settings".equals(d.path("name").textValue())).toList();
        assertThat(settings).hasSize(1);
        assertThat(settings.get(0).path("manifest").textValue()).isEqualTo(SETTINGS_CHANGED.contents());
        assertSchema("1.14", second);
    }

    @Test
    void embeddingTwiceChangesNothingAndNothingIsStale() {
        for (TalosVersion version : List.of(V113, V114)) {
            String original = sample(version.usesManifestDocuments() ? SAMPLE_114 : SAMPLE_113);
            assertThat(MachineConfigEmbedder.staleManifests(original, version, INLINE, EXTERNAL)).as("before")
                    .containsExactly("tailscale-namespace", "tailscale-settings", "tailscale-crds",
                            "tailscale-proxyclasses");
            String once = MachineConfigEmbedder.embed(original, version, INLINE, EXTERNAL);
            assertThat(MachineConfigEmbedder.embed(once, version, INLINE, EXTERNAL)).as(version.toString())
                    .isEqualTo(once);
            assertThat(MachineConfigEmbedder.staleManifests(once, version, INLINE, EXTERNAL)).isEmpty();
        }
    }

    @Test
    void staleListsChangedContentsAndUrls() {
        ExternalManifest moved = new ExternalManifest("tailscale-proxyclasses", CRDS_URL + "?v=2");
        for (TalosVersion version : List.of(V113, V114)) {
            String once = MachineConfigEmbedder.embed(sample(version.usesManifestDocuments() ? SAMPLE_114 : SAMPLE_113),
                    version, INLINE, EXTERNAL);
            assertThat(MachineConfigEmbedder.staleManifests(once, version, List.of(NAMESPACE, SETTINGS_CHANGED),
                    EXTERNAL)).containsExactly("tailscale-settings");
            assertThat(MachineConfigEmbedder.staleManifests(once, version, INLINE,
                    List.of(EXTERNAL.get(0), moved))).containsExactly("tailscale-proxyclasses");
            assertThat(MachineConfigEmbedder.staleManifests(once, version,
                    List.of(new InlineManifest("tailscale-extra", "kind: A\n")), List.of()))
                    .containsExactly("tailscale-extra");
            // contents are compared as Talos stores them: trailing spaces and CRLF do not make an entry stale
            assertThat(MachineConfigEmbedder.staleManifests(once, version,
                    List.of(new InlineManifest(NAMESPACE.name(), NAMESPACE.contents().replace("\n", "  \r\n"))),
                    List.of())).isEmpty();
        }
    }

    @Test
    void legacyEntriesOfOtherNamesAreKept() {
        InlineManifest other = new InlineManifest("other",
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n");
        String otherUrl = "https://example.com/other.yaml";
        String withOther = MachineConfigEmbedder.embed(sample(SAMPLE_113), V113, List.of(other),
                List.of(new ExternalManifest("other", otherUrl)));

        String result = MachineConfigEmbedder.embed(withOther, V113, INLINE, EXTERNAL);
        String added = addedLines(withOther, result);
        assertThat(added).doesNotContain("other").contains("- name: tailscale-namespace", "- " + CRDS_URL);
        assertThat(result).contains("              name: other\n        - name: tailscale-namespace\n");
        JsonNode cluster = legacy(result).path("cluster");
        assertThat(texts(cluster.path("inlineManifests"), "name"))
                .containsExactly("other", "tailscale-namespace", "tailscale-settings");
        assertThat(cluster.path("inlineManifests").get(0).path("contents").textValue()).isEqualTo(other.contents());
        assertThat(texts(cluster.path("extraManifests"), null)).containsExactly(otherUrl, CRDS_URL, PROXY_CLASSES_URL);
        assertSchema("1.13", result);

        // ours between someone else's entries: replaced where it stands, the others untouched
        String sandwich = MachineConfigEmbedder.embed(withOther, V113, List.of(SETTINGS), List.of());
        sandwich = sandwich.replace("    - name: other\n", "    - name: first\n");
        sandwich = MachineConfigEmbedder.embed(sandwich, V113, List.of(other), List.of());
        JsonNode names = legacy(sandwich).path("cluster").path("inlineManifests");
        assertThat(texts(names, "name")).containsExactly("first", "tailscale-settings", "other");
        String replaced = MachineConfigEmbedder.embed(sandwich, V113, List.of(SETTINGS_CHANGED), List.of());
        assertThat(replaced).isEqualTo(sandwich.replace(indent(SETTINGS.contents(), 12),
                indent(SETTINGS_CHANGED.contents(), 12)));
    }

    @Test
    void urlAlreadyPresentIsKeptNotDuplicated() {
        String withCrds = MachineConfigEmbedder.embed(sample(SAMPLE_113), V113, List.of(),
                List.of(new ExternalManifest("someone-elses-name", CRDS_URL)));
        assertThat(MachineConfigEmbedder.staleManifests(withCrds, V113, List.of(), EXTERNAL))
                .containsExactly("tailscale-proxyclasses");
        String result = MachineConfigEmbedder.embed(withCrds, V113, List.of(), EXTERNAL);
        assertThat(addedLines(withCrds, result)).isEqualTo("        - " + PROXY_CLASSES_URL + "\n");
        assertThat(texts(legacy(result).path("cluster").path("extraManifests"), null))
                .containsExactly(CRDS_URL, PROXY_CLASSES_URL);
    }

    @Test
    void workerConfigIsRefused() {
        String worker = sample(SAMPLE_113).replace("    type: controlplane\n", "    type: worker\n");
        for (TalosVersion version : List.of(V113, V114)) {
            assertThatThrownBy(() -> MachineConfigEmbedder.embed(worker, version, INLINE, EXTERNAL))
                    .isInstanceOf(TalosPatchException.class)
                    .hasMessage("the machine config is a worker config (machine.type: worker); manifests are"
                            + " applied by control planes only: embed into controlplane.yaml");
            assertThatThrownBy(() -> MachineConfigEmbedder.staleManifests(worker, version, INLINE, EXTERNAL))
                    .isInstanceOf(TalosPatchException.class)
                    .hasMessageContaining("is a worker config");
        }
    }

    @Test
    void legacyEntryCollidingWithOurDocumentIsRefused() {
        String config = sample(SAMPLE_114).replace("\ncluster:\n", """

                cluster:
                    inlineManifests:
                        - name: tailscale-namespace
                          contents: |
                            kind: A
                """);
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(config, V114, INLINE, EXTERNAL))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("the v1alpha1 document has a cluster.inlineManifests entry named \"tailscale-namespace\""
                        + " (line 14), which collides with the KubeInlineManifestConfig document of the same name"
                        + " (both become manifest 99-tailscale-namespace): remove the legacy entry from"
                        + " cluster.inlineManifests");
        // entries of other names are no collision
        String other = config.replace("- name: tailscale-namespace", "- name: cilium");
        assertThat(MachineConfigEmbedder.embed(other, V114, INLINE, EXTERNAL)).isEqualTo(other + DOCUMENTS);
    }

    @Test
    void ourDocumentCollidingWithALegacyEntryIsRefused() {
        String config = sample(SAMPLE_113) + """
                ---
                apiVersion: v1alpha1
                kind: KubeInlineManifestConfig
                name: tailscale-settings
                manifest: |
                  kind: A
                """;
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(config, V113, INLINE, EXTERNAL))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("the machine config has a KubeInlineManifestConfig document named \"tailscale-settings\""
                        + " (line 94), which collides with the cluster.inlineManifests entry of the same name (both"
                        + " become manifest 99-tailscale-settings): remove the document, or embed for Talos 1.14 or"
                        + " newer");
    }

    // ---- hand-written configs: comments, layouts, line ends

    static final String COMMENTED = """
            # controlplane.yaml, edited by hand
            version: v1alpha1 # the config version
            machine:
              type: init
            cluster:
              # the name
              clusterName: demo

              inlineManifests: [] # none yet
              # URLs, fetched by every control plane
              extraManifests:
                - https://example.com/cni.yaml # pinned

                # keep the next one
                - https://example.com/other.yaml
              network: {}
            # the end
            """;

    @Test
    void commentsAndBlankLinesAroundOurEntriesAreKept() {
        String result = MachineConfigEmbedder.embed(COMMENTED, V113, INLINE, EXTERNAL);
        assertThat(result).isEqualTo("""
                # controlplane.yaml, edited by hand
                version: v1alpha1 # the config version
                machine:
                  type: init
                cluster:
                  # the name
                  clusterName: demo

                  inlineManifests:
                    - name: tailscale-namespace
                      contents: |
                        apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: tailscale
                          labels:
                            pod-security.kubernetes.io/enforce: privileged
                    - name: tailscale-settings
                      contents: |
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: settings
                          namespace: tailscale

                        data:
                          hostname: operator
                  # URLs, fetched by every control plane
                  extraManifests:
                    - https://example.com/cni.yaml # pinned

                    # keep the next one
                    - https://example.com/other.yaml
                    - %s
                    - %s
                  network: {}
                # the end
                """.formatted(CRDS_URL, PROXY_CLASSES_URL));
        assertThat(MachineConfigEmbedder.embed(result, V113, INLINE, EXTERNAL)).isEqualTo(result);

        // a comment between our entries' lines is part of the entry; the ones around it are not
        String commented = result.replace("""
                    - name: tailscale-settings
                      contents: |
                """, """
                    # ours, below
                    - name: tailscale-settings
                      # generated
                      contents: |
                """).replace("      hostname: operator\n", "      hostname: operator\n\n  # after ours\n");
        String replaced = MachineConfigEmbedder.embed(commented, V113, List.of(SETTINGS_CHANGED), List.of());
        assertThat(replaced).contains("""
                            pod-security.kubernetes.io/enforce: privileged
                    # ours, below
                    - name: tailscale-settings
                      contents: |
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: settings
                          namespace: tailscale
                        data:
                          hostname: tailscale-operator
                          verbose: "true"

                  # after ours
                  # URLs, fetched by every control plane
                """);
    }

    @Test
    void missingKeysAreInsertedRightAfterClusterIndentedLikeItsKeys() {
        String config = "version: v1alpha1\nmachine:\n  type: controlplane\ncluster:\n  # first\n"
                + "  clusterName: demo\n  extraManifests:\n";
        String result = MachineConfigEmbedder.embed(config, V113, List.of(SETTINGS), EXTERNAL);
        assertThat(result).startsWith("version: v1alpha1\nmachine:\n  type: controlplane\ncluster:\n"
                + "  inlineManifests:\n    - name: tailscale-settings\n      contents: |\n        apiVersion: v1\n");
        assertThat(result).endsWith("  # first\n  clusterName: demo\n  extraManifests:\n    - " + CRDS_URL
                + "\n    - " + PROXY_CLASSES_URL + "\n");
        assertThat(MachineConfigEmbedder.staleManifests(result, V113, List.of(SETTINGS), EXTERNAL)).isEmpty();
    }

    @Test
    void duplicatesOfOursCollapseToOne() {
        String legacy = MachineConfigEmbedder.embed(COMMENTED, V113, List.of(SETTINGS), List.of());
        String item = legacy.substring(legacy.indexOf("    - name: tailscale-settings"),
                legacy.indexOf("  # URLs"));
        String twice = legacy.replace(item, item + item.replace("hostname: operator", "hostname: old"));
        assertThat(MachineConfigEmbedder.staleManifests(twice, V113, List.of(SETTINGS), List.of()))
                .containsExactly("tailscale-settings");
        assertThat(MachineConfigEmbedder.embed(twice, V113, List.of(SETTINGS), List.of())).isEqualTo(legacy);

        String documents = MachineConfigEmbedder.embed(sample(SAMPLE_114), V114, INLINE, List.of());
        String copy = documents.substring(documents.lastIndexOf("---\n"));
        String doubled = documents + copy;
        assertThat(MachineConfigEmbedder.staleManifests(doubled, V114, INLINE, List.of()))
                .containsExactly("tailscale-settings");
        assertThat(MachineConfigEmbedder.embed(doubled, V114, INLINE, List.of())).isEqualTo(documents);
    }

    @Test
    void ourDocumentInTheMiddleIsReplacedWhereItStands() {
        String config = """
                version: v1alpha1
                machine:
                    type: controlplane
                cluster:
                    token: abc.def
                ---
                # ours
                apiVersion: v1alpha1
                kind: KubeExternalManifestConfig
                name: tailscale-crds
                headers:
                    X-Old: yes
                url: https://example.com/old.yaml
                # after ours
                ---
                apiVersion: v1alpha1
                kind: HostnameConfig
                auto: stable
                """;
        String result = MachineConfigEmbedder.embed(config, V114, List.of(), List.of(EXTERNAL.get(0)));
        assertThat(result).isEqualTo(config.replace("""
                name: tailscale-crds
                headers:
                    X-Old: yes
                url: https://example.com/old.yaml
                """, "name: tailscale-crds\nurl: " + CRDS_URL + "\n"));
        assertSchema("1.14", result);

        // a flow document on its separator line keeps a separator
        String flowDocument = "--- {apiVersion: v1alpha1, kind: KubeExternalManifestConfig, name: tailscale-crds,"
                + " url: 'https://x'}\n";
        String flow = config.replace(config.substring(config.indexOf("---\n# ours"), config.indexOf("# after ours")),
                flowDocument);
        assertThat(MachineConfigEmbedder.embed(flow, V114, List.of(), List.of(EXTERNAL.get(0)))).isEqualTo(
                flow.replace(flowDocument, "---\napiVersion: v1alpha1\nkind: KubeExternalManifestConfig\n"
                        + "name: tailscale-crds\nurl: " + CRDS_URL + "\n"));
    }

    @Test
    void lineEndsAndAMissingFinalNewlineAreKept() {
        String crlf = COMMENTED.replace("\n", "\r\n");
        String result = MachineConfigEmbedder.embed(crlf, V113, INLINE, EXTERNAL);
        assertThat(result).isEqualTo(MachineConfigEmbedder.embed(COMMENTED, V113, INLINE, EXTERNAL)
                .replace("\n", "\r\n"));
        assertThat(MachineConfigEmbedder.staleManifests(result, V113, INLINE, EXTERNAL)).isEmpty();

        // nothing to do: not even a final newline is added
        String unterminated = MachineConfigEmbedder.embed(COMMENTED, V113, INLINE, EXTERNAL).stripTrailing();
        assertThat(MachineConfigEmbedder.embed(unterminated, V113, INLINE, EXTERNAL)).isEqualTo(unterminated);
        // appending after an unterminated last line ends that line first
        String v114 = "version: v1alpha1\nmachine:\n  type: controlplane\ncluster:\n  token: x";
        assertThat(MachineConfigEmbedder.embed(v114, V114, List.of(), List.of(EXTERNAL.get(0))))
                .isEqualTo(v114 + "\n---\napiVersion: v1alpha1\nkind: KubeExternalManifestConfig\n"
                        + "name: tailscale-crds\nurl: " + CRDS_URL + "\n");
    }

    @Test
    void someoneElsesKeptTrailingLinesStayWithTheirEntry() {
        String config = """
                version: v1alpha1
                machine:
                  type: controlplane
                cluster:
                  inlineManifests:
                    - name: other
                      contents: |+
                        kind: A


                  clusterName: demo
                """;
        String result = MachineConfigEmbedder.embed(config, V113, List.of(SETTINGS), List.of());
        assertThat(addedLines(config, result)).startsWith("    - name: tailscale-settings\n");
        assertThat(result).contains("        kind: A\n\n\n    - name: tailscale-settings\n");
        assertThat(legacy(result).path("cluster").path("inlineManifests").get(0).path("contents").textValue())
                .isEqualTo("kind: A\n\n\n");
    }

    @Test
    void charactersOutsideTheBasicPlaneDoNotShiftLines() {
        InlineManifest emoji = new InlineManifest("tailscale-settings",
                "kind: ConfigMap\ndata:\n  greeting: \"\uD83D\uDC4B \uD83C\uDF0D\"\n");
        String config = "# \uD83D\uDE80 cluster\nversion: v1alpha1\nmachine:\n  type: controlplane\ncluster:\n"
                + "  clusterName: \uD83D\uDE80\uD83D\uDE80\n";
        String once = MachineConfigEmbedder.embed(config, V113, List.of(emoji), List.of());
        String twice = MachineConfigEmbedder.embed(once, V113, List.of(SETTINGS), List.of());
        assertThat(twice).isEqualTo(once.replace(indent(emoji.contents(), 8), indent(SETTINGS.contents(), 8)));
        assertThat(MachineConfigEmbedder.staleManifests(twice, V113, List.of(SETTINGS), List.of())).isEmpty();
    }

    @Test
    void contentsStartingWithASpaceRoundTrip() {
        InlineManifest indented = new InlineManifest("tailscale-settings", "  # indented comment\nkind: A\n");
        for (TalosVersion version : List.of(V113, V114)) {
            String config = "version: v1alpha1\nmachine:\n  type: controlplane\ncluster:\n  clusterName: x\n";
            String once = MachineConfigEmbedder.embed(config, version, List.of(indented), List.of());
            assertThat(once).contains(": |2\n");
            assertThat(MachineConfigEmbedder.staleManifests(once, version, List.of(indented), List.of())).isEmpty();
            assertThat(MachineConfigEmbedder.embed(once, version, List.of(indented), List.of())).isEqualTo(once);
        }
    }

    // ---- refusals

    @Test
    void flowStyleListsThatNeedAnEditAreRefused() {
        String config = """
                version: v1alpha1
                machine:
                  type: controlplane
                cluster:
                  inlineManifests: [{name: other, contents: "kind: A\\n"}]
                  extraManifests: [https://example.com/a.yaml]
                """;
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(config, V113, List.of(SETTINGS), List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("cluster.inlineManifests on line 5 is written in flow style ([...]), which cannot be"
                        + " edited line by line: rewrite it as a block list, one \"- \" entry per line");
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(config, V113, List.of(), EXTERNAL))
                .isInstanceOf(TalosPatchException.class)
                .hasMessageStartingWith("cluster.extraManifests on line 6 is written in flow style");
        // nothing to edit: accepted as it is
        assertThat(MachineConfigEmbedder.embed(config, V113, List.of(),
                List.of(new ExternalManifest("a", "https://example.com/a.yaml")))).isEqualTo(config);
    }

    @Test
    void otherMachineTypesAndMissingTypeAreRefused() {
        String config = "version: v1alpha1\nmachine:\n  type: gateway\ncluster:\n  clusterName: x\n";
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(config, V113, INLINE, List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("the machine config has machine.type: gateway; manifests are applied by control planes"
                        + " only (machine.type: controlplane or init): embed into controlplane.yaml");
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(config.replace("  type: gateway\n", "  token: x\n"),
                V113, INLINE, List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessageStartingWith("the machine config has no machine.type;");
    }

    @Test
    void notAMachineConfigIsRefused() {
        assertThatThrownBy(() -> MachineConfigEmbedder.embed("cluster: [unclosed\n", V113, INLINE, List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessageStartingWith("the machine config is not valid YAML (")
                .hasMessageEndingWith("): give controlplane.yaml as written by talosctl gen config");
        assertThatThrownBy(() -> MachineConfigEmbedder.embed("version: v1alpha1\u0001\n", V113, INLINE, List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("the machine config contains the character U+0001, which YAML does not allow: remove it");
        assertThatThrownBy(() -> MachineConfigEmbedder.embed("just some text\n", V113, INLINE, List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("document 1 (line 1) is not a mapping, so this is not a Talos machine config:"
                        + " give controlplane.yaml as written by talosctl gen config");
        String typedOnly = "apiVersion: v1alpha1\nkind: HostnameConfig\nauto: stable\n";
        for (String text : List.of("", "# empty\n", typedOnly)) {
            assertThatThrownBy(() -> MachineConfigEmbedder.embed(text, V114, INLINE, List.of()))
                    .isInstanceOf(TalosPatchException.class)
                    .hasMessage("the machine config has no v1alpha1 document (the one with \"version: v1alpha1\","
                            + " machine: and cluster:): give controlplane.yaml as written by talosctl gen config");
        }
        String two = "version: v1alpha1\nmachine:\n  type: controlplane\n---\nversion: v1alpha1\n";
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(two, V114, INLINE, List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("the machine config has 2 v1alpha1 documents (lines 1, 5), Talos loads exactly one:"
                        + " merge them");
        assertThatThrownBy(() -> MachineConfigEmbedder.embed("version: v1alpha1\nmachine:\n  type: init\n", V113,
                INLINE, List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("the v1alpha1 document has no cluster section, which every control-plane config has:"
                        + " give controlplane.yaml as written by talosctl gen config");
    }

    @Test
    void badManifestsAndNothingToEmbedAreRefusedLikeInAPatch() {
        String config = "version: v1alpha1\nmachine:\n  type: init\ncluster:\n  clusterName: x\n";
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(config, V113, List.of(), List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("nothing to embed: give at least one inline or external manifest");
        assertThatThrownBy(() -> MachineConfigEmbedder.embed(config, V113,
                List.of(new InlineManifest("Bad_Name", "kind: A")), List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessageStartingWith("inline manifest name \"Bad_Name\" is not a DNS-1123 subdomain");
        assertThatThrownBy(() -> MachineConfigEmbedder.staleManifests(config, V114, List.of(),
                List.of(new ExternalManifest("x", "ftp://example.com/x.yaml"))))
                .isInstanceOf(TalosPatchException.class)
                .hasMessageContaining("does not match ^(http|https)://");
    }
}
