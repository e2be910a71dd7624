package dev.tailgen.core.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gateways[]: the Gateway's infrastructure annotations, its inventory entry, its owned tags and its checks, verbatim. */
class GatewaysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY = """
            gateways:
              - name: tailnet
                namespace: networking
                gatewayClassName: cilium
                hostname: edge
                tags: [tag:edge]
                proxyClass: tun
                listeners:
                  - {name: https, protocol: HTTPS, port: 443, hostname: app.example.com, tls: {certificateRefs: [{name: app-tls}]}}
                  - {name: ssh, protocol: TCP, port: 22}
            proxyClasses:
              - {name: tun}
            """;

    @Test
    void rendersTheGatewayWithTheAnnotationsTheOperatorReadsOnItsDataPlaneService(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, TestConfigs.MINIMAL + GATEWAY)).render();
        JsonNode gateway = TestConfigs.documents(result, "manifests/tailscale-gateways.yaml").get(0);
        assertThat(gateway.path("spec").path("infrastructure").toString()).isEqualTo("{\"annotations\":{\"tailscale.com/hostname\":\"edge\","
                + "\"tailscale.com/proxy-class\":\"tun\",\"tailscale.com/tags\":\"tag:edge\"}}");
        assertThat(gateway.path("spec").path("gatewayClassName").asText()).isEqualTo("cilium");
        assertThat(gateway.path("spec").path("listeners").get(0).path("tls").path("certificateRefs").get(0).path("name").asText())
                .isEqualTo("app-tls");
        assertThat(TestConfigs.documents(result, "manifests/tailscale-namespaces.yaml")).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactly("networking");
    }

    @Test
    void itsInventoryEntryAndDeviceAreListed(@TempDir Path dir) throws Exception {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, TestConfigs.MINIMAL + GATEWAY)).render();
        JsonNode inventory = JSON.readTree(TestConfigs.text(result, "inventory.json"));
        assertThat(inventory.path("exposures").get(0).toString()).isEqualTo("{\"kind\":\"Gateway\",\"object\":\"Gateway networking/tailnet\","
                + "\"hostname\":\"edge\",\"magicDns\":\"edge.tail-xxxxx.ts.net\",\"urls\":[\"https://app.example.com\",\"edge.tail-xxxxx.ts.net:22\"],"
                + "\"tags\":[\"tag:edge\"],\"ports\":[443,22],\"target\":\"GatewayClass cilium: listeners https HTTPS 443 app.example.com, ssh TCP 22\","
                + "\"publicAccess\":null,\"patch\":null,\"proxyGroup\":null}");
        assertThat(inventory.path("devices").get(1).toString()).isEqualTo("{\"name\":\"edge\",\"magicDns\":\"edge.tail-xxxxx.ts.net\","
                + "\"role\":\"gateway proxy\",\"object\":\"Gateway networking/tailnet\",\"tags\":[\"tag:edge\"]}");
        assertThat(inventory.path("deviceCount").path("total").asInt()).isEqualTo(2);
    }

    @Test
    void itsTagsAreOwnedInThePolicyFragment(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, TestConfigs.MINIMAL + GATEWAY)).render();
        assertThat(TestConfigs.text(result, "policy/tailnet-policy.hujson")).contains("\n    \"tag:edge\": [\n      \"tag:k8s-operator\"\n    ]");
    }

    @Test
    void networkPoliciesSayTheyCannotReachTheDataPlane(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, TestConfigs.MINIMAL + GATEWAY
                + "networkPolicy:\n  provider: kubernetes\n")).render();
        assertThat(result.warnings()).contains("Gateway networking/tailnet: the generated network policies cannot select its data plane"
                + " (the GatewayClass's implementation names its Service and pods); let its proxy pods (label"
                + " tailscale.com/parent-resource-type: svc, in the operator's namespace) reach the data plane pods on the listener"
                + " ports, or the gateway gets no traffic");
    }

    @Test
    void aListenerFieldTheGatewayApiDoesNotHaveFailsAtItsLine(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, TestConfigs.MINIMAL + GATEWAY.replace("{name: ssh, protocol: TCP, port: 22}",
                "{name: ssh, protocol: TCP, port: 22, allowedRoute: {}}"), "tailscale.yaml:24:46: gateways[0].listeners[1].allowedRoute:"
                + " unknown field (gateways[0].listeners is a Kubernetes list of Gateway API Listener)");
    }

    @Test
    void aListenerWithoutPortFailsAtTheListener(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, TestConfigs.MINIMAL + GATEWAY.replace("{name: ssh, protocol: TCP, port: 22}",
                "{name: ssh, protocol: TCP}"), "tailscale.yaml:24:9: gateways[0].listeners[1]: missing required key \"port\" (the port the"
                + " gateway listens on, its proxy's port on the tailnet)");
    }

    @Test
    void aProxyGroupThatIsNotDefinedIsRefused(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, TestConfigs.MINIMAL + GATEWAY.replace("    proxyClass: tun\n", "    proxyGroup: ingress\n"),
                "tailscale.yaml:21:17: gateways[0].proxyGroup: ProxyGroup \"ingress\" is not defined in proxyGroups; add one of type ingress");
    }

    @Test
    void aUserspaceClassIsRefusedForTheGatewaysL4Proxy(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, TestConfigs.MINIMAL + GATEWAY.replace("  - {name: tun}", "  - {name: tun, userspace: true}"),
                "tailscale.yaml:21:17: gateways[0].proxyClass: ProxyClass tun runs proxies in userspace (TS_USERSPACE=true), where the L4"
                        + " proxy of Gateway networking/tailnet exits at start: containerboot refuses TS_DEST_IP in userspace mode; give it a"
                        + " class in kernel mode");
    }

    @Test
    void aGatewayHostnameTakenByAServiceIsRefused(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, TestConfigs.MINIMAL + GATEWAY + """
                services:
                  - {name: web, hostname: edge, selector: {app: web}, ports: [{port: 80}]}
                """, "tailscale.yaml:19:15: gateways[0].hostname: tailnet device name \"edge\" is already taken by services[0] at line 28;"
                + " every device on the tailnet needs its own name");
    }
}
