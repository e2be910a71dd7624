package dev.tailgen.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tailgen.core.output.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our operator install against the upstream chart v1.102.3 renders in ../shared (a: defaults,
 * b: customized with API-server proxy, c: no CRDs + CSI secret volume, d: workload identity):
 * the same objects by kind/namespace/name, the same RBAC, env, volumes and mounts, the same CRDs.
 * The differences we make on purpose (README, "Differences from the chart") are normalised here and
 * nowhere else: images pinned to v1.102.3 instead of :stable, a Namespace with PodSecurity labels,
 * OPERATOR_LOGIN_SERVER "" instead of null.
 */
class ChartParityTest {
    private static final ObjectMapper YAML = new YAMLMapper();

    static Stream<Arguments> renders() {
        String oauth = """
                    credentials:
                      oauth:
                        clientId: ${env:TS_CLIENT_ID}
                        clientSecret: ${env:TS_CLIENT_SECRET}
                """;
        String inlineCrds = "  crds: inline\n  crdSource: CRDS\n";
        return Stream.of(
                Arguments.of("a-defaults-oauth.yaml", inlineCrds, oauth, ""),
                Arguments.of("b-customized.yaml", inlineCrds, oauth.replace("    credentials:",
                        "    hostname: k8s-op\n    tags: [tag:k8s-operator, tag:infra]\n    credentials:"), """
                        proxies:
                          tags: [tag:k8s]
                        ingressClass:
                          enabled: true
                        apiServerProxy:
                          mode: "true"
                        """),
                Arguments.of("c-nocrds-secretvolume.yaml", "", """
                            credentials:
                              volume:
                                csi:
                                  driver: secrets-store.csi.k8s.io
                                  readOnly: true
                                  volumeAttributes:
                                    secretProviderClass: tailscale-oauth
                        """, ""),
                Arguments.of("d-wif-audience.yaml", inlineCrds, """
                            credentials:
                              workloadIdentity:
                                clientId: cid-123
                                audience: api.tailscale.com/cid-123
                        """, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void sameObjectsAsTheChart(String render, String crds, String operator, String extra, @TempDir Path dir) throws IOException {
        Path upstream = SharedData.upstream().resolve("tailscale-operator");
        String config = """
                apiVersion: tailgen.dev/v1alpha1
                kind: TailscaleCluster
                metadata:
                  name: parity
                tailnet:
                  domain: tail-xxxxx.ts.net
                talos:
                  version: "1.13"
                """ + crds.replace("CRDS", upstream.resolve("crds").toString()) + "operator:\n" + operator + extra;
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, config)).render();

        Map<String, JsonNode> ours = new TreeMap<>();
        for (OutputFile f : result.files()) {
            if (f.path().startsWith("manifests/") && f.path().endsWith(".yaml")) {
                ours.putAll(byKey(f.content()));
            }
        }
        Map<String, JsonNode> chart = byKey(Files.readString(upstream.resolve("rendered").resolve(render)));

        JsonNode namespace = ours.remove("Namespace//tailscale");
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("privileged");
        assertThat(ours.keySet()).isEqualTo(chart.keySet());

        for (String key : chart.keySet()) {
            JsonNode expected = normaliseChart(chart.get(key));
            assertThat(firstDifference(expected, ours.get(key), "")).as(key).isEmpty();
        }
    }

    /** Keyed by kind/namespace/name; comment-only documents skipped. */
    private static Map<String, JsonNode> byKey(String text) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc == null || !doc.has("kind")) {
                    continue;
                }
                JsonNode md = doc.path("metadata");
                out.put(doc.path("kind").asText() + "/" + md.path("namespace").asText("") + "/" + md.path("name").asText(), doc);
            }
        }
        return out;
    }

    /** The chart side with our documented, intended differences applied. */
    private static JsonNode normaliseChart(JsonNode doc) {
        ObjectNode copy = doc.deepCopy();
        if (copy.path("kind").asText().equals("IngressClass")) {
            ((ObjectNode) copy.path("metadata")).remove("annotations"); // chart writes annotations: {} 
        }
        if (copy.path("kind").asText().equals("Deployment")) {
            ObjectNode container = (ObjectNode) copy.path("spec").path("template").path("spec").path("containers").get(0);
            container.put("image", container.path("image").asText().replace(":stable", ":v1.102.3"));
            for (JsonNode env : (ArrayNode) container.path("env")) {
                ObjectNode e = (ObjectNode) env;
                if (e.path("name").asText().equals("PROXY_IMAGE")) {
                    e.put("value", e.path("value").asText().replace(":stable", ":v1.102.3"));
                }
                if (e.path("name").asText().equals("OPERATOR_LOGIN_SERVER") && e.path("value").isNull()) {
                    e.put("value", ""); // the chart renders an empty value as YAML null
                }
            }
        }
        return copy;
    }

    /** The JSON pointer of the first difference, with both values; "" when equal (key order ignored). */
    static String firstDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String d = firstDifference(expected.path(name), actual.path(name), path + "/" + name);
                if (!d.isEmpty()) {
                    return d;
                }
            }
            return "";
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String d = firstDifference(expected.get(i), actual.get(i), path + "/" + i);
                if (!d.isEmpty()) {
                    return d;
                }
            }
            return "";
        }
        return expected.equals(actual) ? "" : path + ": chart " + expected + ", ours " + actual;
    }
}
