package dev.tailgen.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.EgressSection;
import dev.tailgen.core.exposure.GatewaysSection;
import dev.tailgen.core.exposure.IngressesSection;
import dev.tailgen.core.exposure.Sections;
import dev.tailgen.core.exposure.ProxyGroupsSection;
import dev.tailgen.core.exposure.ServicesSection;
import dev.tailgen.core.exposure.SubnetRoutersSection;
import dev.tailgen.core.netpol.NetworkPolicies;
import dev.tailgen.core.operator.OperatorInstall;
import dev.tailgen.core.operator.OperatorInstallResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code default} in schemas/tailscale.schema.json is what the generator uses when the key is
 * left out: a config that sets none of them is resolved, and each default is compared with the
 * resolved value. A default added to the schema without a line here fails the test.
 */
class SchemaDefaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One of each list item, with only its required keys. */
    private static final String ITEMS = """
            services:
              - {name: web, hostname: web, selector: {app: web}, ports: [{port: 80}]}
            ingresses:
              - {name: dash, hostname: dash, backend: {service: web, port: 80}}
            subnetRouters:
              - {name: routes, routes: [10.96.0.0/12]}
            egress:
              - {name: nas, fqdn: nas.tail-xxxxx.ts.net, ports: [{port: 445}]}
            proxyClasses:
              - {name: plain}
            gateways:
              - {name: edge, gatewayClassName: cilium, listeners: [{name: http, port: 80, protocol: HTTP}]}
            devicePlugin: {image: ghcr.io/squat/generic-device-plugin:0.2.0}
            proxyGroups:
              - {name: api, type: kube-apiserver}
            apiServerProxy: {allowImpersonation: true}
            """;

    @Test
    void everySchemaDefaultIsTheResolvedValue(@TempDir Path dir) throws IOException {
        LoadedConfig bare = load(dir.resolve("bare"), TestConfigs.MINIMAL.replace("  hostname: tailscale-operator\n", ""));
        OperatorInstall install = new OperatorInstallResolver(new PlaceholderResolver(TestConfigs.SECRETS, true)).resolve(bare);
        Exposure none = Sections.resolve(bare.config(), install);
        LoadedConfig withItems = load(dir.resolve("items"), TestConfigs.MINIMAL + ITEMS);
        Exposure one = Sections.resolve(withItems.config(), install);
        Files.createDirectories(dir.resolve("cilium"));
        Files.createDirectories(dir.resolve("render"));
        GenerationResult cilium = TestConfigs.generator(TestConfigs.write(dir.resolve("cilium"),
                TestConfigs.MINIMAL + ITEMS + "networkPolicy:\n  provider: cilium\n")).render();
        Files.createDirectories(dir.resolve("external"));
        GenerationResult external = TestConfigs.generator(TestConfigs.write(dir.resolve("external"), TestConfigs.MINIMAL.replace(
                "    oauth:\n      clientId: ${env:TS_CLIENT_ID}\n      clientSecret: ${env:TS_CLIENT_SECRET}\n",
                "    externalSecret:\n      store: {kind: ClusterSecretStore, name: vault}\n      clientId: {key: ts}\n      clientSecret: {key: ts2}\n")))
                .render();
        JsonNode externalSecret = TestConfigs.documents(external, "manifests/tailscale-operator-credentials.yaml").get(0);
        GenerationResult bareResult = TestConfigs.generator(TestConfigs.write(dir.resolve("render"), TestConfigs.MINIMAL)).render();

        Map<String, Supplier<Object>> resolved = new LinkedHashMap<>();
        resolved.put("/properties/talos/properties/crds", () -> install.crds().inline() ? "inline" : "url");
        resolved.put("/properties/talos/properties/include", () -> bareResult.talosContent().inline().stream()
                .map(m -> m.name()).filter(n -> !n.equals("tailscale-operator") && !n.equals("tailscale-operator-crds")).toList());
        // what the role means: with bootstrap the kustomization lists the install Talos applies, with owner it leaves it out
        resolved.put("/properties/talos/properties/role", () -> TestConfigs.text(bareResult, "manifests/kustomization.yaml")
                .contains("  - tailscale-operator.yaml") ? "bootstrap" : "owner");
        resolved.put("/properties/operator/properties/namespace", install::namespace);
        resolved.put("/properties/operator/properties/hostname", install::hostname);
        resolved.put("/properties/operator/properties/tags", install::tags);
        resolved.put("/properties/operator/properties/logging", install::logging);
        resolved.put("/properties/operator/properties/nodeSelector", install::nodeSelector);
        resolved.put("/properties/proxies/properties/tags", install::proxyTags);
        resolved.put("/properties/proxies/properties/firewallMode", install::firewallMode);
        resolved.put("/properties/ingressClass/properties/enabled", install::ingressClassEnabled);
        resolved.put("/properties/ingressClass/properties/name", install::ingressClassName);
        resolved.put("/properties/apiServerProxy/properties/mode", install::apiServerProxyMode);
        resolved.put("/properties/apiServerProxy/properties/allowImpersonation", install::allowImpersonation);
        resolved.put("/properties/proxyGroups", () -> none.of(ProxyGroupsSection.INSTANCE));
        resolved.put("/$defs/proxyGroup/properties/replicas", () -> one.of(ProxyGroupsSection.INSTANCE).get(0).replicas());
        resolved.put("/$defs/proxyGroup/properties/kubeAPIServer/properties/mode",
                () -> one.of(ProxyGroupsSection.INSTANCE).get(0).apiServerMode());
        resolved.put("/properties/services", () -> none.of(ServicesSection.INSTANCE));
        resolved.put("/properties/ingresses", () -> none.of(IngressesSection.INSTANCE));
        resolved.put("/properties/subnetRouters", () -> none.of(SubnetRoutersSection.INSTANCE));
        resolved.put("/properties/egress", () -> none.of(EgressSection.INSTANCE));
        resolved.put("/properties/gateways", () -> none.of(GatewaysSection.INSTANCE));
        resolved.put("/$defs/gateway/properties/namespace", () -> one.of(GatewaysSection.INSTANCE).get(0).namespace());
        resolved.put("/properties/networkPolicy/properties/provider",
                () -> NetworkPolicies.of(bare.config().networkPolicy(), install, none).provider());
        // the API server rule of the operator's egress policy: the only place the port is used
        resolved.put("/properties/networkPolicy/properties/apiServerPort", () -> TestConfigs.documents(cilium,
                "manifests/tailscale-network-policies.yaml").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("tailscale-operator-egress"))
                .flatMap(d -> d.path("spec").path("egress").findValues("toEntities").stream()
                        .filter(e -> e.toString().contains("kube-apiserver")).map(e -> d)).findFirst()
                .map(d -> d.path("spec").path("egress").get(0).path("toPorts").get(0).path("ports").get(0).path("port").asInt())
                .orElse(-1));
        resolved.put("/properties/monitoring/properties/serviceMonitor", install::metricsPort);
        resolved.put("/$defs/protocol", () -> one.of(ServicesSection.INSTANCE).get(0).ports().get(0).protocol());
        resolved.put("/$defs/servicePort/properties/protocol", () -> one.of(ServicesSection.INSTANCE).get(0).ports().get(0).protocol());
        resolved.put("/$defs/egressPort/properties/protocol", () -> one.of(EgressSection.INSTANCE).get(0).ports().get(0).protocol());
        resolved.put("/$defs/service/properties/namespace", () -> one.of(ServicesSection.INSTANCE).get(0).namespace());
        resolved.put("/$defs/service/properties/type", () -> one.of(ServicesSection.INSTANCE).get(0).loadBalancer() ? "LoadBalancer" : "ClusterIP");
        resolved.put("/$defs/service/properties/adopt", () -> one.of(ServicesSection.INSTANCE).get(0).adopt());
        resolved.put("/$defs/ingress/properties/adopt", () -> one.of(IngressesSection.INSTANCE).get(0).adopt());
        resolved.put("/$defs/ingress/properties/namespace", () -> one.of(IngressesSection.INSTANCE).get(0).namespace());
        resolved.put("/$defs/ingress/properties/paths", () -> one.of(IngressesSection.INSTANCE).get(0).paths());
        resolved.put("/$defs/ingress/properties/funnel", () -> one.of(IngressesSection.INSTANCE).get(0).funnel());
        resolved.put("/$defs/ingress/properties/httpRedirect", () -> one.of(IngressesSection.INSTANCE).get(0).httpRedirect());
        resolved.put("/$defs/subnetRouter/properties/exitNode", () -> one.of(SubnetRoutersSection.INSTANCE).get(0).exitNode());
        // an unset replicas is left out of the Connector (its CRD defaults it to 1); the devices count what it means
        resolved.put("/$defs/subnetRouter/properties/replicas", () -> one.of(SubnetRoutersSection.INSTANCE).get(0).deviceNames().size());
        resolved.put("/$defs/egressTarget/properties/namespace", () -> one.of(EgressSection.INSTANCE).get(0).namespace());
        resolved.put("/$defs/externalSecretCredentials/properties/refreshInterval",
                () -> externalSecret.path("spec").path("refreshInterval").asText());
        resolved.put("/$defs/externalSecretCredentials/properties/secretName", () -> externalSecret.path("spec").path("target").path("name").asText());
        resolved.put("/properties/gitops/properties/includeSecret", () -> TestConfigs.text(bareResult, "manifests/kustomization.yaml")
                .contains("tailscale-operator-oauth.yaml"));
        resolved.put("/properties/devicePlugin/properties/domain", () -> one.proxyClasses().devicePlugin().domain());
        resolved.put("/$defs/proxyClass/properties/metrics", () -> one.proxyClasses().rendered().get(0).metrics());
        resolved.put("/$defs/proxyClass/properties/userspace", () -> one.proxyClasses().rendered().get(0).userspace());
        // written only when true: the class's spec leaves them out, as the CRD's false
        resolved.put("/$defs/proxyClass/properties/acceptRoutes", () -> one.proxyClasses().rendered().get(0).spec().containsKey("tailscale"));
        resolved.put("/$defs/proxyClass/properties/letsEncryptStaging",
                () -> one.proxyClasses().rendered().get(0).spec().containsKey("useLetsEncryptStagingEnvironment"));

        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        collect(JSON.readTree(Path.of("..", "schemas", "tailscale.schema.json").toFile()), "", defaults);
        assertThat(resolved.keySet()).as("schema defaults tied to a resolved value").containsExactlyInAnyOrderElementsOf(defaults.keySet());
        List<String> differ = new ArrayList<>();
        for (Entry<String, JsonNode> d : defaults.entrySet()) {
            JsonNode actual = JSON.valueToTree(resolved.get(d.getKey()).get());
            if (!actual.equals(d.getValue())) {
                differ.add(d.getKey() + ": schema " + d.getValue() + ", resolved " + actual);
            }
        }
        assertThat(differ).isEmpty();
    }

    private static LoadedConfig load(Path dir, String text) throws IOException {
        Files.createDirectories(dir);
        Path file = TestConfigs.write(dir, text);
        return new ConfigLoader(ConfigSchema.load()).load(file, "tailscale.yaml");
    }

    private static void collect(JsonNode node, String at, Map<String, JsonNode> out) {
        if (node.isObject()) {
            if (node.has("default")) {
                out.put(at, node.get("default"));
            }
            node.properties().forEach(e -> collect(e.getValue(), at + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, out);
            }
        }
    }
}
