package dev.tailgen.core.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.policy.TailnetPolicyTest;
import dev.tailgen.core.release.ReleaseCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * proxyGroups[] and what they serve: the ProxyGroup, annotation, ClusterRoleBinding and grant shapes
 * (each as the upstream file named beside it reads or writes it), and every check, verbatim.
 */
public class ProxyGroupsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String GROUPS = TestConfigs.MINIMAL + """
            proxyGroups:
              - name: ingress
                type: ingress
                tags: [tag:ingress]
              - name: egress
                type: egress
                replicas: 3
                hostnamePrefix: out
              - name: api
                type: kube-apiserver
                tags: [tag:api]
                kubeAPIServer: {hostname: k8s}
            apiServerProxy:
              allowImpersonation: true
              access:
                - src: [group:admins]
                  groups: [tailnet-admins]
                  clusterRole: cluster-admin
                - src: [group:devs]
                  groups: [tailnet-readers]
                  clusterRole: view
            services:
              - name: web
                namespace: apps
                hostname: web
                proxyGroup: ingress
                tags: [tag:web]
                selector: {app: web}
                ports: [{port: 80, targetPort: 8080}]
            ingresses:
              - name: dash
                namespace: apps
                hostname: dash
                proxyGroup: ingress
                backend: {service: web, port: 80}
            egress:
              - name: nas
                fqdn: nas.tail-xxxxx.ts.net
                proxyGroup: egress
                ports: [{port: 445}]
            acl:
              groups:
                group:admins: [admin@example.com]
                group:devs: [dev@example.com]
            """;

    private static GenerationResult render(Path dir, String config) {
        return TestConfigs.generator(TestConfigs.write(dir, config)).render();
    }

    /** api/types_proxygroup.go: type, replicas (written out, the operator's default 2), hostnamePrefix, tags, kubeAPIServer. */
    @Test
    void rendersProxyGroupsAsTheCrdDefinesThem(@TempDir Path dir) {
        var groups = TestConfigs.documents(render(dir, GROUPS), "manifests/tailscale-proxy-groups.yaml");
        assertThat(groups).extracting(JsonNode::toString).containsExactly(
                "{\"apiVersion\":\"tailscale.com/v1alpha1\",\"kind\":\"ProxyGroup\",\"metadata\":{\"labels\":{\"app.kubernetes.io/managed-by\":"
                        + "\"tailscale-maven-plugin\"},\"name\":\"api\"},\"spec\":{\"kubeAPIServer\":{\"hostname\":\"k8s\",\"mode\":\"auth\"},"
                        + "\"replicas\":2,\"tags\":[\"tag:api\"],\"type\":\"kube-apiserver\"}}",
                "{\"apiVersion\":\"tailscale.com/v1alpha1\",\"kind\":\"ProxyGroup\",\"metadata\":{\"labels\":{\"app.kubernetes.io/managed-by\":"
                        + "\"tailscale-maven-plugin\"},\"name\":\"egress\"},\"spec\":{\"hostnamePrefix\":\"out\",\"replicas\":3,\"type\":\"egress\"}}",
                "{\"apiVersion\":\"tailscale.com/v1alpha1\",\"kind\":\"ProxyGroup\",\"metadata\":{\"labels\":{\"app.kubernetes.io/managed-by\":"
                        + "\"tailscale-maven-plugin\"},\"name\":\"ingress\"},\"spec\":{\"replicas\":2,\"tags\":[\"tag:ingress\"],\"type\":\"ingress\"}}");
    }

    /**
     * op/svc-for-pg.go and op/ingress-for-pg.go read tailscale.com/proxy-group on the Service and the
     * Ingress; op/egress-services.go:validateEgressService reads it with tailnet-fqdn on an ExternalName Service.
     */
    @Test
    void servedObjectsCarryTheProxyGroupAnnotation(@TempDir Path dir) {
        GenerationResult result = render(dir, GROUPS);
        assertThat(TestConfigs.documents(result, "manifests/tailscale-services.yaml").get(0).path("metadata").path("annotations").toString())
                .isEqualTo("{\"tailscale.com/expose\":\"true\",\"tailscale.com/hostname\":\"web\",\"tailscale.com/proxy-group\":\"ingress\","
                        + "\"tailscale.com/tags\":\"tag:web\"}");
        JsonNode ingress = TestConfigs.documents(result, "manifests/tailscale-ingresses.yaml").get(0);
        assertThat(ingress.path("metadata").path("annotations").toString()).isEqualTo("{\"tailscale.com/proxy-group\":\"ingress\"}");
        assertThat(ingress.path("spec").path("tls").toString()).isEqualTo("[{\"hosts\":[\"dash\"]}]");
        assertThat(ingress.path("spec").path("rules").get(0).has("host")).as("group Ingress rules carry no host").isFalse();
        JsonNode egress = TestConfigs.documents(result, "manifests/tailscale-egress.yaml").get(0);
        assertThat(egress.path("metadata").path("annotations").toString())
                .isEqualTo("{\"tailscale.com/proxy-group\":\"egress\",\"tailscale.com/tailnet-fqdn\":\"nas.tail-xxxxx.ts.net\"}");
        assertThat(egress.path("spec").path("externalName").asText()).isEqualTo("placeholder");
    }

    /**
     * k8s-operator/api-proxy/proxy.go:addImpersonationHeaders reads the groups of grants with app
     * tailscale.com/cap/kubernetes; op/e2e/proxy_test.go binds them as Group subjects; the chart's
     * apiserverproxy-rbac.yaml binds only kube-apiserver-auth-proxy with allowImpersonation.
     */
    @Test
    void accessBecomesGrantsAndClusterRoleBindings(@TempDir Path dir) throws Exception {
        GenerationResult result = render(dir, GROUPS);
        JsonNode policy = TailnetPolicyTest.HUJSON.readTree(TestConfigs.text(result, "policy/tailnet-policy.hujson"));
        assertThat(policy.path("grants").toString()).isEqualTo("[{\"src\":[\"group:admins\"],\"dst\":[\"tag:api\"],\"ip\":[\"tcp:443\"],"
                + "\"app\":{\"tailscale.com/cap/kubernetes\":[{\"impersonate\":{\"groups\":[\"tailnet-admins\"]}}]}},"
                + "{\"src\":[\"group:devs\"],\"dst\":[\"tag:api\"],\"ip\":[\"tcp:443\"],"
                + "\"app\":{\"tailscale.com/cap/kubernetes\":[{\"impersonate\":{\"groups\":[\"tailnet-readers\"]}}]}}]");
        assertThat(policy.path("autoApprovers").path("services").toString())
                .isEqualTo("{\"tag:api\":[\"tag:api\"],\"tag:web\":[\"tag:ingress\"],\"tag:k8s\":[\"tag:ingress\"]}");
        assertThat(policy.path("tests").toString()).isEqualTo("[{\"src\":\"admin@example.com\",\"accept\":[\"tag:api:443\"]},"
                + "{\"src\":\"dev@example.com\",\"accept\":[\"tag:api:443\"]}]");
        String install = TestConfigs.text(result, "manifests/tailscale-operator.yaml");
        assertThat(install).contains("""
                apiVersion: "rbac.authorization.k8s.io/v1"
                kind: "ClusterRoleBinding"
                metadata:
                  labels:
                    app.kubernetes.io/managed-by: "tailscale-maven-plugin"
                  name: "tailscale-access-cluster-admin"
                roleRef:
                  kind: "ClusterRole"
                  apiGroup: "rbac.authorization.k8s.io"
                  name: "cluster-admin"
                subjects:
                  - kind: "Group"
                    apiGroup: "rbac.authorization.k8s.io"
                    name: "tailnet-admins"
                """);
        assertThat(install).contains("""
                  name: "tailscale-auth-proxy"
                roleRef:
                  kind: "ClusterRole"
                  apiGroup: "rbac.authorization.k8s.io"
                  name: "tailscale-auth-proxy"
                subjects:
                  - kind: "ServiceAccount"
                    name: "kube-apiserver-auth-proxy"
                    namespace: "tailscale"
                """);
    }

    /** The in-process proxy in auth mode: the grant goes to the operator's tags, and the report names its device for kubectl. */
    @Test
    void accessThroughTheInProcessProxyGrantsTheOperatorsTags(@TempDir Path dir) throws Exception {
        String config = GROUPS.replace("  allowImpersonation: true\n", "  mode: \"true\"\n").replace("""
                  - name: api
                    type: kube-apiserver
                    tags: [tag:api]
                    kubeAPIServer: {hostname: k8s}
                """, "");
        GenerationResult result = render(dir, config);
        JsonNode policy = TailnetPolicyTest.HUJSON.readTree(TestConfigs.text(result, "policy/tailnet-policy.hujson"));
        assertThat(policy.path("grants").get(0).path("dst").toString()).isEqualTo("[\"tag:k8s-operator\"]");
        JsonNode inventory = JSON.readTree(TestConfigs.text(result, "inventory.json"));
        assertThat(inventory.path("apiServerProxies").toString()).isEqualTo("[{\"magicDns\":\"tailscale-operator.tail-xxxxx.ts.net\","
                + "\"object\":\"Deployment tailscale/operator (in-process proxy)\",\"mode\":\"auth\",\"tags\":[\"tag:k8s-operator\"],"
                + "\"kubeconfig\":\"tailscale configure kubeconfig tailscale-operator\"}]");
        assertThat(TestConfigs.text(result, "manifests/tailscale-operator.yaml")).contains("""
                subjects:
                  - kind: "ServiceAccount"
                    name: "operator"
                    namespace: "tailscale"
                  - kind: "ServiceAccount"
                    name: "kube-apiserver-auth-proxy"
                """);
    }

    @Test
    void theInventoryListsReplicasTailscaleServicesAndKubeconfigCommands(@TempDir Path dir) throws Exception {
        GenerationResult result = render(dir, GROUPS);
        JsonNode inventory = JSON.readTree(TestConfigs.text(result, "inventory.json"));
        assertThat(inventory.path("proxyGroups").toString()).isEqualTo("[{\"object\":\"ProxyGroup ingress\",\"type\":\"ingress\","
                + "\"devices\":[\"ingress-0.tail-xxxxx.ts.net\",\"ingress-1.tail-xxxxx.ts.net\"],\"tags\":[\"tag:ingress\"],"
                + "\"serves\":[\"Service apps/web\",\"Ingress apps/dash\"]},{\"object\":\"ProxyGroup egress\",\"type\":\"egress\","
                + "\"devices\":[\"out-0.tail-xxxxx.ts.net\",\"out-1.tail-xxxxx.ts.net\",\"out-2.tail-xxxxx.ts.net\"],\"tags\":[\"tag:k8s\"],"
                + "\"serves\":[\"Service default/nas\"]},{\"object\":\"ProxyGroup api\",\"type\":\"kube-apiserver\","
                + "\"devices\":[\"api-0.tail-xxxxx.ts.net\",\"api-1.tail-xxxxx.ts.net\"],\"tags\":[\"tag:api\"],\"serves\":[]}]");
        assertThat(inventory.path("deviceCount").path("total").asInt()).as("operator + 2 + 3 + 2 replicas").isEqualTo(8);
        assertThat(inventory.path("apiServerProxies").toString()).isEqualTo("[{\"magicDns\":\"k8s.tail-xxxxx.ts.net\",\"object\":"
                + "\"ProxyGroup api\",\"mode\":\"auth\",\"tags\":[\"tag:api\"],\"kubeconfig\":\"tailscale configure kubeconfig k8s\"}]");
        assertThat(inventory.path("egress").get(0).path("proxyGroup").asText()).isEqualTo("egress");
        String report = TestConfigs.text(result, "REPORT.md");
        assertThat(report).contains("| `web.tail-xxxxx.ts.net` | http://web.tail-xxxxx.ts.net | Service apps/web<br>Tailscale Service `svc:web`"
                + " on ProxyGroup ingress | ports 80 -> 8080 | tag:web | tailnet only |");
        assertThat(report).contains("| group:admins | tailnet-admins | cluster-admin (ClusterRoleBinding tailscale-access-cluster-admin)"
                + " | `k8s.tail-xxxxx.ts.net` |");
        assertThat(result.notes()).contains("Tailscale Services svc:k8s, svc:web, svc:dash: the operator's OAuth client needs the services"
                + " scope (write) besides devices:core and auth_keys, and the tailnet policy needs the fragment's autoApprovers.services");
    }

    /** Backends of group-served objects admit the group's pods (op/proxygroup_specs.go:pgLabels), in both dialects. */
    @Test
    void backendsAdmitOnlyTheirGroupsPods(@TempDir Path dir) throws IOException {
        for (String provider : new String[] {"kubernetes", "cilium"}) {
            Path sub = Files.createDirectories(dir.resolve(provider));
            GenerationResult result = render(sub, GROUPS + "networkPolicy:\n  provider: " + provider + "\n");
            String policies = TestConfigs.text(result, "manifests/tailscale-network-policies.yaml");
            assertThat(policies).as(provider).contains("tailscale-allow-svc.apps.web")
                    .contains("tailscale.com/parent-resource: \"ingress\"\n")
                    .contains("tailscale.com/parent-resource-type: \"proxygroup\"")
                    .doesNotContain("tailscale.com/parent-resource: \"web\"");
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a group that is not defined", GROUPS.replace("    proxyGroup: egress\n", "    proxyGroup: out\n"),
                        "tailscale.yaml:53:17: egress[0].proxyGroup: ProxyGroup \"out\" is not defined in proxyGroups; use one of type egress: egress"),
                Arguments.of("a group of the wrong type", GROUPS.replace("    hostname: web\n    proxyGroup: ingress\n",
                        "    hostname: web\n    proxyGroup: egress\n"),
                        "tailscale.yaml:40:17: services[0].proxyGroup: ProxyGroup egress (proxyGroups[1] at line 19) is of type egress, but Service"
                                + " apps/web needs a group of type ingress"),
                Arguments.of("two Ingresses with one Tailscale Service name", GROUPS.replace("""
                        egress:
                        """, """
                          - name: dash2
                            namespace: apps
                            hostname: dash
                            proxyGroup: ingress
                            backend: {service: web, port: 80}
                        egress:
                        """),
                        "tailscale.yaml:52:15: ingresses[1].hostname: Tailscale Service \"svc:dash\" is already served by ingresses[0] at line 45;"
                                + " each Tailscale Service name has one owner: choose another hostname"),
                Arguments.of("a Service and an Ingress with one Tailscale Service name", GROUPS.replace("    hostname: dash\n", "    hostname: web\n"),
                        "tailscale.yaml:47:15: ingresses[0].hostname: Tailscale Service \"svc:web\" is already served by services[0] at line 37;"
                                + " each Tailscale Service name has one owner: choose another hostname"),
                Arguments.of("a Tailscale Service named like a device", GROUPS.replace("    hostname: dash\n", "    hostname: ingress-0\n"),
                        "tailscale.yaml:47:15: ingresses[0].hostname: Tailscale Service \"svc:ingress-0\" has the name of the tailnet device of"
                                + " proxyGroups[0] at line 16, and both would answer ingress-0 in MagicDNS; choose another hostname"),
                Arguments.of("funnel on a group Ingress", GROUPS.replace("    backend: {service: web, port: 80}\n",
                        "    backend: {service: web, port: 80}\n    funnel: true\n"),
                        "tailscale.yaml:50:13: ingresses[0].funnel: Ingress apps/dash is served by ProxyGroup ingress, and the operator ignores"
                                + " tailscale.com/funnel on ProxyGroup Ingresses, so it would never reach the internet; remove funnel, or remove"
                                + " proxyGroup to give the Ingress its own proxy"),
                Arguments.of("a proxyClass on a served Service", GROUPS.replace("    tags: [tag:web]\n", "    tags: [tag:web]\n    proxyClass: tun\n")
                        + "proxyClasses:\n  - {name: tun}\n",
                        "tailscale.yaml:42:17: services[0].proxyClass: Service apps/web is served by ProxyGroup ingress, whose proxyClass applies"
                                + " (the operator ignores the item's own); remove proxyClass here, or set it on the group"),
                Arguments.of("no replicas", GROUPS.replace("    replicas: 3\n", "    replicas: 0\n"),
                        "tailscale.yaml:21:15: proxyGroups[1].replicas: expected the number of replicas: an integer >= 1 (default 2), each a"
                                + " tailnet device (got number 0)"),
                Arguments.of("an auth-mode API server group without impersonation RBAC", GROUPS.replace("  allowImpersonation: true\n", ""),
                        "tailscale.yaml:26:20: proxyGroups[2].kubeAPIServer: ProxyGroup api is an API server proxy in auth mode, which impersonates"
                                + " callers through ServiceAccount kube-apiserver-auth-proxy, but the operator install renders no impersonation RBAC;"
                                + " set apiServerProxy.allowImpersonation: true (or apiServerProxy.mode: \"true\"), or kubeAPIServer.mode: noauth"),
                Arguments.of("a default class with a proxy image when an API server group takes it",
                        GROUPS + "proxies:\n  talosTun: {resource: squat.ai/tun}\n",
                        "tailscale.yaml:23:5: proxyGroups[2]: ProxyClass tailscale-default (the default class, which this group takes) sets the"
                                + " proxy image tailscale/tailscale:" + ReleaseCatalog.bundled().defaultRelease().versionText() + ", but a kube-apiserver ProxyGroup runs the k8s-proxy image without an"
                                + " init container, so the operator refuses it; give the group a proxyClass of its own without either"),
                Arguments.of("an API server group's own class with an init container",
                        GROUPS.replace("    kubeAPIServer: {hostname: k8s}\n", "    kubeAPIServer: {hostname: k8s}\n    proxyClass: sysctl\n")
                                + "proxyClasses:\n  - {name: sysctl, initContainer: {securityContext: {privileged: true}}}\n",
                        "tailscale.yaml:27:17: proxyGroups[2].proxyClass: ProxyClass sysctl configures the init container, but a kube-apiserver"
                                + " ProxyGroup runs the k8s-proxy image without an init container, so the operator refuses it; name a class without"
                                + " either"),
                Arguments.of("kubeAPIServer on another type", GROUPS.replace("    tags: [tag:ingress]\n",
                        "    tags: [tag:ingress]\n    kubeAPIServer: {mode: noauth}\n"),
                        "tailscale.yaml:19:20: proxyGroups[0].kubeAPIServer: kubeAPIServer applies to type kube-apiserver only (this group is"
                                + " type ingress); remove it, or set type: kube-apiserver"),
                Arguments.of("an egress group target without ports", GROUPS.replace("    ports: [{port: 445}]\n", ""),
                        "tailscale.yaml:51:5: egress[0]: Service default/nas is carried by ProxyGroup egress, which needs at least one port to"
                                + " map to its replicas; add ports"),
                Arguments.of("access without an API server proxy", GROUPS.replace("""
                          - name: api
                            type: kube-apiserver
                            tags: [tag:api]
                            kubeAPIServer: {hostname: k8s}
                        """, ""),
                        "tailscale.yaml:26:5: apiServerProxy.access: apiServerProxy.access needs an API server proxy, and none is configured; set"
                                + " apiServerProxy.mode: \"true\" (the operator's in-process proxy) or add a proxyGroups entry of type kube-apiserver"),
                Arguments.of("access with the in-process proxy in noauth mode", GROUPS.replace("  allowImpersonation: true\n",
                        "  allowImpersonation: true\n  mode: noauth\n"),
                        "tailscale.yaml:29:9: apiServerProxy.mode: apiServerProxy.mode \"noauth\" passes each client's own Kubernetes credentials"
                                + " through and impersonates nobody, so apiServerProxy.access (groups to impersonate) would grant nothing; use mode"
                                + " \"true\" (auth mode), or remove access and authenticate clients yourself"),
                Arguments.of("access with only noauth API server groups", GROUPS.replace("{hostname: k8s}", "{hostname: k8s, mode: noauth}"),
                        "tailscale.yaml:30:5: apiServerProxy.access: every API server proxy here runs in noauth mode (ProxyGroup api), which"
                                + " passes each client's own Kubernetes credentials through and impersonates nobody, so access would grant nothing;"
                                + " set kubeAPIServer.mode: auth"),
                Arguments.of("an access source group that is not defined", GROUPS.replace("    group:devs: [dev@example.com]\n", ""),
                        "tailscale.yaml:33:13: apiServerProxy.access[1].src[0]: group \"group:devs\" is not defined; define it in acl.groups or"
                                + " use one of: group:admins"),
                Arguments.of("a group named like the auth proxy's ServiceAccount", GROUPS.replace("  - name: egress\n",
                        "  - name: kube-apiserver-auth-proxy\n").replace("proxyGroup: egress", "proxyGroup: kube-apiserver-auth-proxy"),
                        "tailscale.yaml:19:11: proxyGroups[1].name: ProxyGroup name kube-apiserver-auth-proxy is the ServiceAccount of the"
                                + " auth-mode API server proxy, which the group's own ServiceAccount would replace; choose another name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWithExactMessage(String what, String config, String expected, @TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, config, expected);
    }
}
