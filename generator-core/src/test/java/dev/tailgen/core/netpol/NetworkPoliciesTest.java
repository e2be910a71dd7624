package dev.tailgen.core.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.exposure.ExposureRulesTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies select proxy pods by parent (the operator's labels, never the operator pod) for a
 * Service, an Ingress and a Connector, on the backends' target ports, with each provider.
 */
class NetworkPoliciesTest {
    static final String PARENT_SVC = "{\"tailscale.com/managed\":\"true\",\"tailscale.com/parent-resource\":\"internal-api\","
            + "\"tailscale.com/parent-resource-ns\":\"default\",\"tailscale.com/parent-resource-type\":\"svc\"}";
    static final String PARENT_INGRESS = "{\"tailscale.com/managed\":\"true\",\"tailscale.com/parent-resource\":\"internal-web\","
            + "\"tailscale.com/parent-resource-ns\":\"default\",\"tailscale.com/parent-resource-type\":\"ingress\"}";
    static final String PARENT_CONNECTOR = "{\"tailscale.com/managed\":\"true\",\"tailscale.com/parent-resource\":\"cluster-services\","
            + "\"tailscale.com/parent-resource-ns\":\"tailscale\",\"tailscale.com/parent-resource-type\":\"connector\"}";

    static String config(String provider) {
        return ExposureRulesTest.EXPOSED + "networkPolicy:\n  provider: " + provider + "\n";
    }

    @Test
    void ciliumAdmitsOnlyEachParentsProxyOnTargetPorts(@TempDir Path dir) throws IOException {
        Map<String, JsonNode> p = policies(dir, "cilium");
        // Service internal-api (8080 -> 8080): backend admits its proxy only
        JsonNode svc = p.get("default/tailscale-allow-svc.default.internal-api").path("spec");
        assertThat(svc.path("endpointSelector").toString()).isEqualTo("{\"matchLabels\":{\"app\":\"api\"}}");
        assertThat(svc.path("ingress").toString()).isEqualTo("[{\"fromEndpoints\":[{\"matchLabels\":{\"k8s:io.kubernetes.pod.namespace\":\"tailscale\","
                + PARENT_SVC.substring(1) + "}],\"toPorts\":[{\"ports\":[{\"port\":\"8080\",\"protocol\":\"TCP\"}]}]}]");
        // Ingress internal-web -> Service web 443 -> target 8443: the target port, not the Service port
        JsonNode ing = p.get("default/tailscale-allow-ingress.default.internal-web").path("spec");
        assertThat(ing.path("endpointSelector").toString()).isEqualTo("{\"matchLabels\":{\"app\":\"web\"}}");
        assertThat(ing.path("ingress").get(0).path("fromEndpoints").get(0).path("matchLabels").toString())
                .isEqualTo("{\"k8s:io.kubernetes.pod.namespace\":\"tailscale\"," + PARENT_INGRESS.substring(1));
        assertThat(ing.path("ingress").get(0).path("toPorts").toString()).isEqualTo("[{\"ports\":[{\"port\":\"8443\",\"protocol\":\"TCP\"}]}]");
        // each proxy may reach its backend on the target port
        JsonNode proxy = p.get("tailscale/tailscale-proxy-ingress.default.internal-web").path("spec");
        assertThat(proxy.path("endpointSelector").path("matchLabels").toString()).isEqualTo(PARENT_INGRESS);
        assertThat(proxy.path("egress").toString()).isEqualTo("[{\"toEndpoints\":[{\"matchLabels\":{\"app\":\"web\","
                + "\"k8s:io.kubernetes.pod.namespace\":\"default\"}}],\"toPorts\":[{\"ports\":[{\"port\":\"8443\",\"protocol\":\"TCP\"}]}]}]");
        // Connector: selected by parent in the operator namespace; its route is the service CIDR, so cluster pods too
        JsonNode con = p.get("tailscale/tailscale-proxy-connector.tailscale.cluster-services").path("spec");
        assertThat(con.path("endpointSelector").path("matchLabels").toString()).isEqualTo(PARENT_CONNECTOR);
        assertThat(con.path("egress").toString()).isEqualTo("[{\"toCIDR\":[\"10.96.0.0/12\"]},{\"toEntities\":[\"cluster\"]}]");
        // never the operator pod as a source for backends
        p.values().forEach(doc -> assertThat(doc.path("spec").path("ingress").toString()).doesNotContain("\"app\":\"operator\""));
        assertThat(p.get("tailscale/tailscale-operator-egress").path("spec").path("endpointSelector").toString())
                .isEqualTo("{\"matchLabels\":{\"app\":\"operator\"}}");
    }

    @Test
    void kubernetesAdmitsOnlyEachParentsProxyOnTargetPorts(@TempDir Path dir) throws IOException {
        Map<String, JsonNode> p = policies(dir, "kubernetes");
        JsonNode svc = p.get("default/tailscale-allow-svc.default.internal-api").path("spec");
        assertThat(svc.path("podSelector").toString()).isEqualTo("{\"matchLabels\":{\"app\":\"api\"}}");
        assertThat(svc.path("policyTypes").toString()).isEqualTo("[\"Ingress\"]");
        assertThat(svc.path("ingress").toString()).isEqualTo("[{\"from\":[{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":"
                + "\"tailscale\"}},\"podSelector\":{\"matchLabels\":" + PARENT_SVC + "}}],\"ports\":[{\"port\":8080,\"protocol\":\"TCP\"}]}]");
        JsonNode ing = p.get("default/tailscale-allow-ingress.default.internal-web").path("spec");
        assertThat(ing.path("ingress").get(0).path("from").get(0).path("podSelector").path("matchLabels").toString()).isEqualTo(PARENT_INGRESS);
        assertThat(ing.path("ingress").get(0).path("ports").toString()).isEqualTo("[{\"port\":8443,\"protocol\":\"TCP\"}]");
        JsonNode con = p.get("tailscale/tailscale-proxy-connector.tailscale.cluster-services").path("spec");
        assertThat(con.path("podSelector").path("matchLabels").toString()).isEqualTo(PARENT_CONNECTOR);
        assertThat(con.path("egress").toString())
                .isEqualTo("[{\"to\":[{\"ipBlock\":{\"cidr\":\"10.96.0.0/12\"}}]},{\"to\":[{\"namespaceSelector\":{}}]}]");
        JsonNode proxies = p.get("tailscale/tailscale-proxies-egress").path("spec");
        assertThat(proxies.path("egress").get(2).path("to").toString()).isEqualTo("[{\"ipBlock\":{\"cidr\":\"0.0.0.0/0\","
                + "\"except\":[\"10.244.0.0/16\",\"10.96.0.0/12\"]}},{\"ipBlock\":{\"cidr\":\"::/0\"}}]");
    }

    @Test
    void noneRendersNothingAndTheReportSaysSo(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, config("none"))).render();
        assertThat(result.files()).noneMatch(f -> f.path().contains("network-policies"));
        assertThat(TestConfigs.text(result, "REPORT.md")).contains("None generated (`networkPolicy.provider: none`): the cluster relies on its default policy");
    }

    @Test
    void ciliumGetsItsHelmValuesSnippetAndANoteNamingIt(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, config("cilium"))).render();
        assertThat(result.notes()).containsExactly("Cilium: merge cilium/values.snippet.yaml into Cilium's Helm values"
                + " (socketLB.hostNamespaceOnly: true; agent flag bpf-lb-sock-hostns-only), or with kube-proxy replacement"
                + " the L4 proxies' forwarded traffic to ClusterIPs is lost");
        assertThat(TestConfigs.text(result, "REPORT.md")).contains("> Cilium: merge cilium/values.snippet.yaml into Cilium's Helm values");
        assertThat(TestConfigs.text(result, "cilium/values.snippet.yaml")).isEqualTo("""
                # Helm values for Cilium that the Tailscale operator's proxies need, generated from tailscale.yaml by tailscale-maven-plugin.
                # Merge them into Cilium's values (helm upgrade ... -f values.yaml -f values.snippet.yaml, or a Flux HelmRelease's
                # valuesFrom). Without it, with kube-proxy replacement, traffic the L4 proxies forward to ClusterIPs is lost.
                socketLB:
                  hostNamespaceOnly: true
                """);
    }

    @ParameterizedTest
    @CsvSource({"kubernetes, true, true", "none, true, true", "cilium, false, false", "kubernetes, , false"})
    void theSnippetFollowsCiliumSocketLbHostNamespaceOnly(String provider, Boolean set, boolean written, @TempDir Path dir) {
        String config = config(provider) + (set == null ? "" : "cilium:\n  socketLBHostNamespaceOnly: " + set + "\n");
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, config)).render();
        assertThat(result.file("cilium/values.snippet.yaml").isPresent()).isEqualTo(written);
        assertThat(result.notes().stream().anyMatch(n -> n.startsWith("Cilium: merge"))).isEqualTo(written);
    }

    private static Map<String, JsonNode> policies(Path dir, String provider) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, config(provider))).render();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode doc : TestConfigs.documents(result, "manifests/tailscale-network-policies.yaml")) {
            byName.put(doc.path("metadata").path("namespace").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
        }
        return byName;
    }
}
