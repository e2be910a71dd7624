package dev.tailgen.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputLayout;
import dev.tailgen.core.release.ReleaseCatalog;
import dev.tailgen.core.release.ReleaseLine;
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
 * Our operator install, for every release line's tested patch, against that patch's upstream chart
 * renders in ../shared (the line's {@code reference} folder; a: defaults, b: customized with
 * API-server proxy, c: no CRDs + CSI secret volume, d: workload identity): the same objects by
 * kind/namespace/name, the same RBAC, env, volumes and mounts, the same CRDs. Then the operator pod
 * settings against a chart render of values that set every one of them
 * (src/test/resources/golden/chart-pod-settings/). The differences we make on purpose (README,
 * "Differences from the chart") are normalised here and nowhere else: images pinned to the version
 * where a render has :stable, a Namespace with PodSecurity labels, OPERATOR_LOGIN_SERVER "" instead of null.
 */
class ChartParityTest {
    private static final ObjectMapper YAML = new YAMLMapper();
    /** The config up to the operator section. */
    private static final String HEAD = """
                apiVersion: tailgen.dev/v1alpha1
                kind: TailscaleCluster
                metadata:
                  name: parity
                tailnet:
                  domain: tail-xxxxx.ts.net
                talos:
                  version: "1.13"
                """;
    static final Path POD_SETTINGS = Path.of("src", "test", "resources", "golden", "chart-pod-settings");

    static Stream<Arguments> renders() {
        return ReleaseCatalog.bundled().lines().stream().flatMap(line -> variants().map(v -> {
            Object[] args = v.get();
            return Arguments.of(line.tested().get(0) + " " + args[0], line, args[1], args[2], args[3]);
        }));
    }

    private static Stream<Arguments> variants() {
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
    void sameObjectsAsTheChart(String name, ReleaseLine line, String crds, String operator, String extra, @TempDir Path dir)
            throws IOException {
        Path upstream = SharedData.upstream().resolve(line.reference());
        String render = name.substring(name.indexOf(' ') + 1);
        String version = line.tested().get(0);
        operator = "    version: " + version + "\n" + operator;
        String config = HEAD + crds.replace("CRDS", upstream.resolve("crds").toString()) + "operator:\n" + operator + extra;
        Map<String, JsonNode> ours = manifests(TestConfigs.generator(TestConfigs.write(dir, config)).render());
        Map<String, JsonNode> chart = byKey(Files.readString(upstream.resolve("rendered").resolve(render)));
        assertSameObjects(chart, ours, version);
    }

    /**
     * Every operator pod setting at once, against the chart rendered with the same values
     * (chart-pod-settings/values.yaml; the README beside it says how the renders were made). A line
     * that lacks a key (release.yaml {@code lacks}) is rendered without it, as the chart ignores it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void podSettingsAsTheChart(String version, ReleaseLine line, @TempDir Path dir) throws IOException {
        Path render = POD_SETTINGS.resolve(version + ".yaml");
        assertThat(render).as("a chart render of chart-pod-settings/values.yaml for " + version).exists();
        boolean annotations = line.lacks().stream().noneMatch(l -> l.key().equals("/operator/annotations"));
        String config = HEAD + """
                operator:
                  version: VERSION
                  credentials:
                    oauth:
                      clientId: ${env:TS_CLIENT_ID}
                      clientSecret: ${env:TS_CLIENT_SECRET}
                  tolerations:
                    - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
                    - {key: dedicated, operator: Equal, value: infra, effect: NoExecute, tolerationSeconds: 300}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions:
                              - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                        - weight: 100
                          podAffinityTerm:
                            topologyKey: kubernetes.io/hostname
                            labelSelector: {matchLabels: {app: operator}}
                  priorityClassName: system-cluster-critical
                  podAnnotations:
                    secret.reloader.stakater.com/reload: operator-oauth
                  podLabels:
                    team: network
                  podSecurityContext:
                    runAsNonRoot: true
                    runAsUser: 1000
                    fsGroup: 2000
                    seccompProfile: {type: RuntimeDefault}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                  serviceAccountAnnotations:
                    eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/tailscale"
                  extraEnv:
                    - {name: TS_DEBUG_FIREWALL_MODE, value: nftables}
                    - name: HTTPS_PROXY
                      valueFrom:
                        configMapKeyRef: {name: proxy-config, key: https}
                """.replace("VERSION", version) + (annotations ? """
                  annotations:
                    example.com/owner: platform
                    top: "1"
                """ : "");
        Map<String, JsonNode> ours = manifests(TestConfigs.generator(TestConfigs.write(dir, config)).render());
        assertSameObjects(byKey(Files.readString(render)), ours, version);
    }

    static Stream<Arguments> lines() {
        return ReleaseCatalog.bundled().lines().stream().map(l -> Arguments.of(l.tested().get(0), l));
    }

    private static Map<String, JsonNode> manifests(GenerationResult result) throws IOException {
        Map<String, JsonNode> ours = new TreeMap<>();
        for (OutputFile f : result.files()) {
            if (f.path().startsWith("manifests/") && f.path().endsWith(".yaml") && !f.path().equals(OutputLayout.KUSTOMIZATION)) {
                ours.putAll(byKey(f.content()));
            }
        }
        return ours;
    }

    private static void assertSameObjects(Map<String, JsonNode> chart, Map<String, JsonNode> ours, String version) {
        ours = new TreeMap<>(ours);
        JsonNode namespace = ours.remove("Namespace//tailscale");
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("privileged");
        assertThat(ours.keySet()).isEqualTo(chart.keySet());

        for (String key : chart.keySet()) {
            JsonNode expected = normaliseChart(chart.get(key), version);
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
    private static JsonNode normaliseChart(JsonNode doc, String version) {
        ObjectNode copy = doc.deepCopy();
        if (copy.path("kind").asText().equals("IngressClass")) {
            ((ObjectNode) copy.path("metadata")).remove("annotations"); // chart writes annotations: {} 
        }
        if (copy.path("kind").asText().equals("Deployment")) {
            ObjectNode container = (ObjectNode) copy.path("spec").path("template").path("spec").path("containers").get(0);
            container.put("image", container.path("image").asText().replace(":stable", ":" + version));
            for (JsonNode env : (ArrayNode) container.path("env")) {
                ObjectNode e = (ObjectNode) env;
                if (e.path("name").asText().equals("PROXY_IMAGE")) {
                    e.put("value", e.path("value").asText().replace(":stable", ":" + version));
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
