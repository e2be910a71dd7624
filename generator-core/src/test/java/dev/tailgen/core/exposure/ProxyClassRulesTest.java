package dev.tailgen.core.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.output.OutputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ProxyClass rules (operator-features §1), each with the exact message it gives. */
class ProxyClassRulesTest {
    /** Three classes, the device plugin and a default; every exposure section of {@link ExposureRulesTest#EXPOSED}. */
    static final String CLASSED = ExposureRulesTest.EXPOSED + """
            proxyClasses:
              - name: tun
                tun: true
                metrics: true
              - name: routes
                tun: devic.es/tun
                acceptRoutes: true
              - name: userspace
                userspace: true
            devicePlugin:
              image: ghcr.io/squat/generic-device-plugin:0.2.0
            proxies:
              defaultProxyClass: tun
            """;

    static Stream<Arguments> rules() {
        String x = CLASSED;
        return Stream.of(
                Arguments.of("unknown class",
                        x.replace("    hostname: dashboard\n", "    hostname: dashboard\n    proxyClass: tunn\n"),
                        "tailscale.yaml:34:17: ingresses[0].proxyClass: ProxyClass tunn is not defined in proxyClasses (defined: tun, routes,"
                                + " userspace); define it there, or fix the name"),
                Arguments.of("unknown default class",
                        x.replace("defaultProxyClass: tun", "defaultProxyClass: tailscale"),
                        "tailscale.yaml:55:22: proxies.defaultProxyClass: ProxyClass tailscale is not defined in proxyClasses (defined: tun,"
                                + " routes, userspace); define it there, or fix the name"),
                Arguments.of("userspace class on an L4 Service",
                        x.replace("    hostname: api\n", "    hostname: api\n    proxyClass: userspace\n"),
                        "tailscale.yaml:19:17: services[0].proxyClass: ProxyClass userspace runs proxies in userspace (TS_USERSPACE=true),"
                                + " where the L4 proxy of Service default/internal-api exits at start: containerboot refuses TS_DEST_IP in"
                                + " userspace mode; give it a class in kernel mode"),
                Arguments.of("userspace default with an egress proxy",
                        x.replace("defaultProxyClass: tun", "defaultProxyClass: userspace").replace("services:\n", "services_: []\nservices:\n")
                                .replaceAll("(?s)services:\n.*?ingresses:", "ingresses:").replace("services_: []\n", "")
                                .replace("backend: {service: web, port: 443}", "backend: {service: web, port: 443, selector: {app: web}}"),
                        "tailscale.yaml:39:22: proxies.defaultProxyClass: ProxyClass userspace runs proxies in userspace (TS_USERSPACE=true),"
                                + " where the egress proxy of Service backup/nas (egress[0] at line 23, which takes the default class) exits at"
                                + " start: containerboot refuses TS_TAILNET_TARGET_* in userspace mode; make a class in kernel mode the default"),
                Arguments.of("device plugin domain mismatch",
                        x.replace("tun: devic.es/tun", "tun: squat.ai/tun"),
                        "tailscale.yaml:48:10: proxyClasses[1].tun: TUN resource squat.ai/tun is not the one devicePlugin offers"
                                + " (devic.es/tun, from devicePlugin.domain devic.es); write devic.es/tun or true, or set devicePlugin.domain"
                                + " to squat.ai"),
                Arguments.of("floating device plugin image",
                        x.replace("generic-device-plugin:0.2.0", "generic-device-plugin:latest"),
                        "tailscale.yaml:53:10: devicePlugin.image: image ghcr.io/squat/generic-device-plugin:latest uses the floating tag"
                                + " latest, so nodes may run different plugins; pin a release tag (e.g. ghcr.io/squat/generic-device-plugin:0.2.0)"
                                + " or a digest (@sha256:...)"),
                Arguments.of("device plugin image without tag or digest",
                        x.replace("generic-device-plugin:0.2.0", "generic-device-plugin"),
                        "tailscale.yaml:53:10: devicePlugin.image: expected an image reference pinned by tag or digest: repository:tag,"
                                + " repository@sha256:<64 hex> or both (e.g. ghcr.io/squat/generic-device-plugin:0.2.0); a reference without"
                                + " either is refused (got \"ghcr.io/squat/generic-device-plugin\")"),
                Arguments.of("userspace class with a TUN device",
                        x.replace("    userspace: true\n", "    userspace: true\n    tun: true\n"),
                        "tailscale.yaml:51:16: proxyClasses[2].userspace: a userspace class needs no TUN device, but this one requests"
                                + " devic.es/tun (tun); remove tun or userspace"),
                Arguments.of("two classes with one name",
                        x.replace("name: routes", "name: tun"),
                        "tailscale.yaml:47:11: proxyClasses[1].name: ProxyClass tun is already defined by proxyClasses[0] at line 44; names"
                                + " must be unique"),
                Arguments.of("talosTun with defaultProxyClass",
                        x.replace("  defaultProxyClass: tun\n", "  defaultProxyClass: tun\n  talosTun: {resource: devic.es/tun}\n"),
                        "tailscale.yaml:56:13: proxies.talosTun: proxies.talosTun is the shorthand for a generated default class; with"
                                + " proxies.defaultProxyClass request the TUN device in that class instead (tun: devic.es/tun)"),
                Arguments.of("a Kubernetes value with a typo",
                        x.replace("    acceptRoutes: true\n", "    acceptRoutes: true\n    securityContext: {privilegd: true}\n"),
                        "tailscale.yaml:50:23: proxyClasses[1].securityContext.privilegd: unknown field"
                                + " (proxyClasses[1].securityContext is a Kubernetes SecurityContext)"),
                Arguments.of("tun and the same resource limit",
                        x.replace("    acceptRoutes: true\n", "    acceptRoutes: true\n    resources: {limits: {devic.es/tun: 2}}\n"),
                        "tailscale.yaml:50:40: proxyClasses[1].resources.limits[\"devic.es/tun\"]: tun already sets the limit of devic.es/tun"
                                + " to 1; remove it from resources.limits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failsWithExactMessage(String rule, String config, String expected, @TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, config, expected);
    }

    @Test
    void warnsAboutTsEnvAndAConnectorWithoutTheTunClass(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir,
                CLASSED.replace("    userspace: true\n", "    userspace: true\n    env: [{name: TS_DEBUG_MTU, value: \"1280\"}]\n"))).render();
        assertThat(result.warnings()).startsWith(
                "proxyClasses[2].env[0]: TS_DEBUG_MTU overrides a setting of the proxy's tailscale (containerboot); the operator accepts"
                        + " the class with a CustomTSEnvVar warning, and the value wins over the operator's own",
                "subnetRouters[0] (Connector cluster-services) names no proxyClass, and the operator never gives Connectors the default"
                        + " class tun: its pod gets no TUN device (devic.es/tun); set proxyClass: tun");
        String report = report(result);
        assertThat(report).contains("| `tun` | proxyClasses[0] | yes | `devic.es/tun` | kernel | on | Service default/internal-api<br>"
                + "Service default/web<br>Ingress default/internal-web<br>Service backup/nas |\n");
        assertThat(report).contains("\nNo ProxyClass: subnetRouters[0] (Connector cluster-services). The operator applies the default class"
                + " tun to Services, Ingresses and ProxyGroups only, never to Connectors: name a class in their proxyClass.\n");
    }

    private static String report(GenerationResult result) {
        return result.files().stream().filter(f -> f.path().equals("REPORT.md")).map(OutputFile::bytes)
                .map(b -> new String(b, StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }
}
