package dev.tailgen.talos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Applies the patch to the upstream sample configs the way Talos does (simplified strategic merge) and checks
 * the result. Skipped when {@code ../shared/upstream} is absent.
 */
class TalosPatchMergeTest {

    static final List<InlineManifest> INLINE = List.of(
            TalosPatchRenderTest.NAMESPACE,
            new InlineManifest("tailscale-rbac", "apiVersion: v1\nkind: List\nitems: []\n"));
    static final List<ExternalManifest> EXTERNAL = List.of(TalosPatchRenderTest.CRDS);

    /** Maps merge key by key, lists append, scalars overwrite. */
    static JsonNode merge(JsonNode base, JsonNode patch) {
        if (base instanceof ObjectNode baseObject && patch instanceof ObjectNode patchObject) {
            ObjectNode merged = baseObject.deepCopy();
            patchObject.fields().forEachRemaining(field -> merged.set(field.getKey(),
                    merged.has(field.getKey()) ? merge(merged.get(field.getKey()), field.getValue())
                            : field.getValue().deepCopy()));
            return merged;
        }
        if (base instanceof ArrayNode baseArray && patch instanceof ArrayNode patchArray) {
            ArrayNode merged = baseArray.deepCopy();
            patchArray.forEach(item -> merged.add(item.deepCopy()));
            return merged;
        }
        return patch.deepCopy();
    }

    static boolean isLegacy(JsonNode document) {
        return "v1alpha1".equals(document.path("version").textValue()) && !document.has("kind");
    }

    @Test
    void legacyPatchMergesIntoV113Sample() {
        List<JsonNode> base = Yaml.documents(SharedData.talosFile("sample-controlplane.yaml"));
        assertThat(base).filteredOn(TalosPatchMergeTest::isLegacy).hasSize(1);
        // an entry of someone else's must survive next to ours
        ObjectNode legacyBase = (ObjectNode) base.stream().filter(TalosPatchMergeTest::isLegacy).findFirst().get();
        legacyBase = (ObjectNode) merge(legacyBase, Yaml.documents(
                "cluster:\n  inlineManifests:\n    - name: cilium\n      contents: |\n        kind: A\n").get(0));

        List<JsonNode> patch = Yaml.documents(
                TalosPatch.render(TalosVersion.parse("1.13"), List.of("tailgen"), INLINE, EXTERNAL));
        assertThat(patch).hasSize(1);
        assertThat(isLegacy(patch.get(0)) || !patch.get(0).has("kind")).isTrue();

        List<JsonNode> merged = new ArrayList<>();
        for (JsonNode document : base) {
            merged.add(isLegacy(document) ? merge(legacyBase, patch.get(0)) : document);
        }

        // other documents untouched, same count and order
        assertThat(merged).hasSameSizeAs(base);
        for (int i = 0; i < base.size(); i++) {
            if (!isLegacy(base.get(i))) {
                assertThat(merged.get(i)).isEqualTo(base.get(i));
            }
        }

        JsonNode config = merged.stream().filter(TalosPatchMergeTest::isLegacy).findFirst().get();
        JsonNode inlineManifests = config.path("cluster").path("inlineManifests");
        Map<String, Long> perName = new java.util.LinkedHashMap<>();
        inlineManifests.forEach(entry -> perName.merge(entry.get("name").textValue(), 1L, Long::sum));
        assertThat(perName).containsExactly(Map.entry("cilium", 1L), Map.entry("tailscale-operator", 1L),
                Map.entry("tailscale-rbac", 1L));
        Map<String, String> contents = new java.util.HashMap<>();
        inlineManifests.forEach(entry -> contents.put(entry.get("name").textValue(), entry.get("contents").textValue()));
        for (InlineManifest m : INLINE) {
            assertThat(contents.get(m.name())).isEqualTo(m.contents());
        }
        assertThat(config.path("cluster").path("extraManifests").get(0).textValue())
                .isEqualTo(TalosPatchRenderTest.CRD_URL);
        // the rest of the cluster section is still there
        assertThat(config.path("cluster").path("clusterName").textValue()).isEqualTo("base");

        // `persist: true` (written by gen config) fails every schema; without it the merged config passes
        ObjectNode withoutPersist = ((ObjectNode) config).deepCopy();
        assertThat(withoutPersist.remove("persist")).isNotNull();
        TalosSchemas v113 = TalosSchemas.of("1.13");
        assertThat(v113.validate(config)).anySatisfy(error -> assertThat(error).contains("persist"));
        assertThat(v113.validate(withoutPersist)).isEmpty();
        for (JsonNode document : merged) {
            if (!isLegacy(document)) {
                assertThat(v113.validate(document)).as(document.toString()).isEmpty();
            }
        }
    }

    @Test
    void typedDocumentsAppendToV114Sample() {
        List<JsonNode> base = Yaml.documents(SharedData.talosFile("sample-controlplane-v1.14.yaml"));
        List<JsonNode> ours = Yaml.documents(
                TalosPatch.render(TalosVersion.parse("1.14"), List.of("tailgen"), INLINE, EXTERNAL));
        assertThat(ours).hasSize(INLINE.size() + EXTERNAL.size());

        // none of ours matches a base document by apiVersion/kind/name, so a strategic merge appends them
        Set<String> baseKeys = base.stream().map(TalosPatchMergeTest::key).collect(Collectors.toSet());
        assertThat(ours).allSatisfy(document -> assertThat(baseKeys).doesNotContain(key(document)));
        List<JsonNode> merged = new ArrayList<>(base);
        merged.addAll(ours);

        Set<String> seen = new HashSet<>();
        for (JsonNode document : merged) {
            if (document.has("kind") && document.has("name")) {
                assertThat(seen.add(key(document))).as("duplicate document " + key(document)).isTrue();
            }
        }
        assertThat(merged.stream().filter(TalosPatchMergeTest::isLegacy).count()).isEqualTo(1);

        TalosSchemas v114 = TalosSchemas.of("1.14");
        for (JsonNode document : ours) {
            assertThat(v114.validate(document)).as(document.toString()).isEmpty();
        }
        // the whole merged config passes too, once the legacy document's `persist` is gone
        for (JsonNode document : merged) {
            JsonNode checked = isLegacy(document) ? withoutPersist(document) : document;
            assertThat(v114.validate(checked)).as(key(document)).isEmpty();
        }
        Map<String, JsonNode> byName = ours.stream()
                .collect(Collectors.toMap(d -> d.get("name").textValue(), Function.identity()));
        assertThat(byName.get("tailscale-operator").get("manifest").textValue())
                .isEqualTo(TalosPatchRenderTest.NAMESPACE.contents());
        assertThat(byName.get("tailscale-crds").get("url").textValue()).isEqualTo(TalosPatchRenderTest.CRD_URL);
    }

    private static JsonNode withoutPersist(JsonNode document) {
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        copy.remove("persist");
        return copy;
    }

    private static String key(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText("v1alpha1.Config") + "/"
                + document.path("name").asText("");
    }
}
