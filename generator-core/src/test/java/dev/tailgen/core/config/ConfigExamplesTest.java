package dev.tailgen.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.SharedData;
import dev.tailgen.core.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key of the normative spec and of each schema example is accepted and maps onto the model. */
class ConfigExamplesTest {
    private final ConfigLoader loader = new ConfigLoader(ConfigSchema.load());

    @Test
    void theNormativeSpecLoads() {
        Path spec = SharedData.spec();
        LoadedConfig loaded = loader.load(spec, "tailscale.yaml");
        assertThat(loaded.config().operator().credentials().oauth().clientSecret()).isEqualTo("${env:TS_CLIENT_SECRET}");
        assertThat(loaded.config().apiServerProxy().mode()).isEqualTo("false");
    }

    @Test
    void theNormativeSpecRenders() {
        // 12 install objects + 2 Services + 1 public twin + 1 Ingress + 1 Connector + 7 CiliumNetworkPolicies
        // (operator, proxies, 2 per Service, 1 for the Connector; the Ingress backend's selector is unknown: a warning)
        // + monitoring: the metrics ProxyClass, the operator's metrics Service and ServiceMonitor.
        assertThat(TestConfigs.generator(SharedData.spec()).render().objectCount()).isEqualTo(27);
    }

    /**
     * The operator section of the advanced spec (the parts built so far: release line, pod settings),
     * with its concrete {@code #:} alternatives switched on, loads and renders on the release line it pins.
     */
    @Test
    void theAdvancedSpecsOperatorSectionRenders(@TempDir Path dir) throws IOException {
        String advanced = Files.readString(SharedData.spec().resolveSibling("advanced.yaml"), StandardCharsets.UTF_8);
        String operator = advanced.substring(0, advanced.indexOf("\nproxyClasses:") + 1)
                .replace("  #: podLabels:", "  podLabels:")
                .replace("  #: extraEnv:", "  extraEnv:");
        LoadedConfig loaded = loader.load(TestConfigs.write(dir, operator), "tailscale.yaml");
        assertThat(loaded.config().operator().tolerations()).hasSize(1);
        assertThat(loaded.config().operator().podLabels()).containsEntry("team", "network");
        assertThat(loaded.config().operator().extraEnv()).hasSize(1);
        String install = TestConfigs.text(TestConfigs.generator(TestConfigs.write(dir, operator)).render(), "manifests/tailscale-operator.yaml");
        assertThat(install).contains("priorityClassName: \"system-cluster-critical\"")
                .contains("secret.reloader.stakater.com/reload: \"operator-oauth\"")
                .contains("name: \"TS_DEBUG_FIREWALL_MODE\"");
    }

    /**
     * The advanced spec up to its proxies section (ProxyClasses, the device plugin, the default class),
     * its concrete {@code #:} class alternatives switched on, renders with exactly those classes.
     */
    @Test
    void theAdvancedSpecsProxyClassesRender(@TempDir Path dir) throws IOException {
        String advanced = Files.readString(SharedData.spec().resolveSibling("advanced.yaml"), StandardCharsets.UTF_8);
        String classes = advanced.substring(0, advanced.indexOf("\nproxyGroups:") + 1);
        for (String key : List.of("priorityClassName", "resources", "env", "initContainer", "imagePullSecrets", "letsEncryptStaging")) {
            classes = classes.replace("    #: " + key + ":", "    " + key + ":");
        }
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, classes)).render();
        String install = TestConfigs.text(result, "manifests/tailscale-operator.yaml");
        assertThat(install).contains("name: \"PROXY_DEFAULT_CLASS\"\n              value: \"tailscale-tun\"")
                .contains("kind: \"DaemonSet\"").contains("- \"devic.es\"")
                .contains("priorityClassName: \"network-critical\"").contains("useLetsEncryptStagingEnvironment: true")
                .contains("acceptRoutes: true").contains("name: \"TS_USERSPACE\"").contains("name: \"TS_DEBUG_MTU\"")
                .contains("devic.es/tun: \"1\"").contains("- name: \"regcred\"");
        assertThat(result.objectsByKind()).containsEntry("ProxyClass", 3).containsEntry("DaemonSet", 1);
    }

    /** The advanced spec's externalSecret alternative, switched on in place of existingSecret, renders its ExternalSecret. */
    @Test
    void theAdvancedSpecsExternalSecretRenders(@TempDir Path dir) throws IOException {
        String advanced = Files.readString(SharedData.spec().resolveSibling("advanced.yaml"), StandardCharsets.UTF_8);
        String operator = advanced.substring(0, advanced.indexOf("\nproxyClasses:") + 1)
                .replace("    existingSecret: {name: operator-oauth}\n", "")
                .replaceAll("(?m)^    #: (externalSecret:|  store:|  clientId:|  clientSecret:|  refreshInterval:)", "    $1");
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, operator)).render();
        assertThat(TestConfigs.text(result, "manifests/tailscale-operator-credentials.yaml"))
                .contains("kind: \"ClusterSecretStore\"\n    name: \"onepassword\"").contains("property: \"client_secret\"")
                .contains("refreshInterval: \"1h\"");
    }

    /**
     * The whole advanced spec (ProxyGroups, Tailscale Services, kubectl over the tailnet, app connectors), its
     * concrete {@code #:} alternatives for them switched on (the app connector domains, a gateway on the
     * ingress group), renders: every group, the grants and bindings, the nodeAttr.
     */
    @Test
    void theWholeAdvancedSpecRenders(@TempDir Path dir) throws IOException {
        String advanced = Files.readString(SharedData.spec().resolveSibling("advanced.yaml"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^  #: (appConnectors:|  - \\{name: github)", "  $1")
                .replaceAll("(?m)^#: (gateways:|  - name: tailnet|    namespace:|    gatewayClassName:|    hostname:|    tags:|    proxyGroup:"
                        + "|    listeners:|      - \\{name: https)", "$1");
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, advanced)).render();
        assertThat(result.objectsByKind()).containsEntry("ProxyGroup", 3).containsEntry("Gateway", 1);
        assertThat(TestConfigs.text(result, "manifests/tailscale-gateways.yaml")).contains("tailscale.com/proxy-group: \"ingress-proxy\"");
        assertThat(TestConfigs.text(result, "manifests/tailscale-operator.yaml")).contains("name: \"tailscale-access-cluster-admin\"")
                .contains("name: \"tailscale-access-view\"");
        assertThat(TestConfigs.text(result, "policy/tailnet-policy.hujson")).contains("\"tailscale.com/cap/kubernetes\"")
                .contains("\"tailscale.com/app-connectors\"");
    }

    @Test
    void everySchemaExampleLoads() throws IOException {
        List<Path> examples;
        try (Stream<Path> list = Files.list(Path.of("..", "schemas", "examples"))) {
            examples = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        for (Path example : examples) {
            assertThat(loader.load(example, example.getFileName().toString()).config().operator()).as(example.toString()).isNotNull();
        }
    }
}
