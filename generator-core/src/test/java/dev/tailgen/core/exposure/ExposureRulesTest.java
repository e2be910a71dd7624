package dev.tailgen.core.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.TestConfigs;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each exposure rule of the config, with the exact message it gives (file:line:column, config path, the fix). */
public class ExposureRulesTest {
    /** Every exposure section once; each case breaks one line of it. */
    public static final String EXPOSED = TestConfigs.MINIMAL + """
            services:
              - name: internal-api
                namespace: default
                hostname: api
                tags: [tag:k8s, tag:prod]
                selector: {app: api}
                ports:
                  - {name: http, port: 8080, targetPort: 8080}
              - name: web
                hostname: web-internal
                selector: {app: web}
                ports:
                  - {name: https, port: 443, targetPort: 8443}
                public:
                  name: web-public
                  nodePort: 30443
            ingresses:
              - name: internal-web
                hostname: dashboard
                backend: {service: web, port: 443}
            subnetRouters:
              - name: cluster-services
                routes: [10.96.0.0/12]
            egress:
              - name: nas
                namespace: backup
                fqdn: nas.tail-xxxxx.ts.net
                ports: [{name: smb, port: 445}]
            """;

    static Stream<Arguments> rules() {
        String x = EXPOSED;
        return Stream.of(
                Arguments.of("hostname is not a DNS label",
                        x.replace("hostname: api", "hostname: API.internal"),
                        "tailscale.yaml:18:15: services[0].hostname: expected a DNS label (RFC 1123): lowercase letters, digits and '-', 1-63 characters, starting and ending with a letter or digit (got \"API.internal\")"),
                Arguments.of("service hostname taken by an ingress",
                        x.replace("hostname: dashboard", "hostname: api"),
                        "tailscale.yaml:33:15: ingresses[0].hostname: tailnet device name \"api\" is already taken by services[0] at line 16; every device on the tailnet needs its own name"),
                Arguments.of("hostname taken by the operator",
                        x.replace("hostname: web-internal", "hostname: tailscale-operator"),
                        "tailscale.yaml:24:15: services[1].hostname: tailnet device name \"tailscale-operator\" is already taken by operator.hostname at line 10; every device on the tailnet needs its own name"),
                Arguments.of("default hostname collides with an explicit one",
                        x.replace("hostname: dashboard", "hostname: cluster-services-connector"),
                        "tailscale.yaml:36:11: subnetRouters[0].name: default tailnet device name \"cluster-services-connector\" (<name>-connector) is already taken by ingresses[0] at line 32; every device on the tailnet needs its own name"),
                Arguments.of("egress proxy name collides",
                        x.replace("hostname: api", "hostname: backup-nas"),
                        "tailscale.yaml:39:5: egress[0]: default tailnet device name \"backup-nas\" (<namespace>-<name> of its egress proxy) is already taken by services[0] at line 16; every device on the tailnet needs its own name"),
                Arguments.of("tag without the tag: prefix",
                        x.replace("tags: [tag:k8s, tag:prod]", "tags: [tag:k8s, prod]"),
                        "tailscale.yaml:19:21: services[0].tags[1]: expected a Tailscale tag: 'tag:' followed by a letter and then letters, digits or '-' (e.g. tag:k8s) (got \"prod\")"),
                Arguments.of("tag starting with a digit",
                        x.replace("tags: [tag:k8s, tag:prod]", "tags: [tag:k8s, tag:1prod]"),
                        "tailscale.yaml:19:21: services[0].tags[1]: expected a Tailscale tag: 'tag:' followed by a letter and then letters, digits or '-' (e.g. tag:k8s) (got \"tag:1prod\")"),
                Arguments.of("port out of range",
                        x.replace("port: 8080, targetPort", "port: 70000, targetPort"),
                        "tailscale.yaml:22:28: services[0].ports[0].port: expected a TCP/UDP port number, an integer from 1 to 65535 (got number 70000)"),
                Arguments.of("port zero",
                        x.replace("{name: smb, port: 445}", "{name: smb, port: 0}"),
                        "tailscale.yaml:42:31: egress[0].ports[0].port: expected a TCP/UDP port number, an integer from 1 to 65535 (got number 0)"),
                Arguments.of("nodePort outside the NodePort range",
                        x.replace("nodePort: 30443", "nodePort: 8443"),
                        "tailscale.yaml:30:17: services[1].public.nodePort: expected a Kubernetes NodePort, an integer from 30000 to 32767 (default NodePort range) (got number 8443)"),
                Arguments.of("fixed nodePort on a service with two ports",
                        x.replace("  - {name: https, port: 443, targetPort: 8443}\n", "  - {name: https, port: 443, targetPort: 8443}\n      - {name: http, port: 80, targetPort: 8080}\n"),
                        "tailscale.yaml:31:17: services[1].public.nodePort: a fixed nodePort needs a service with exactly one port (this one has 2); remove nodePort and let Kubernetes pick one per port"),
                Arguments.of("route with host bits",
                        x.replace("routes: [10.96.0.0/12]", "routes: [10.96.0.1/12]"),
                        "tailscale.yaml:37:14: subnetRouters[0].routes[0]: route 10.96.0.1/12 has host bits set; write the network address: 10.96.0.0/12"),
                Arguments.of("IPv6 route with host bits",
                        x.replace("routes: [10.96.0.0/12]", "routes: [10.96.0.0/12, 'fd00::1/8']"),
                        "tailscale.yaml:37:28: subnetRouters[0].routes[1]: route fd00::1/8 has host bits set; write the network address: fd00::/8"),
                Arguments.of("route that is not a CIDR",
                        x.replace("routes: [10.96.0.0/12]", "routes: [10.96.0.0]"),
                        "tailscale.yaml:37:14: subnetRouters[0].routes[0]: expected a CIDR route: an IPv4 address with /0-/32 (e.g. 10.96.0.0/12) or an IPv6 address with /0-/128 (e.g. fd00::/8); the address must have no host bits set (got \"10.96.0.0\")"),
                Arguments.of("connector with neither routes nor exit node",
                        x.replace("    routes: [10.96.0.0/12]\n", "    exitNode: false\n"),
                        "tailscale.yaml:36:5: subnetRouters[0]: set routes (at least one CIDR) or exitNode: true or appConnector"),
                Arguments.of("connector with hostname and hostnamePrefix",
                        x.replace("    routes: [10.96.0.0/12]\n", "    routes: [10.96.0.0/12]\n    hostname: gw\n    hostnamePrefix: gw\n"),
                        "tailscale.yaml:36:5: subnetRouters[0]: set hostname or hostnamePrefix, not both"),
                Arguments.of("connector hostname with two replicas",
                        x.replace("    routes: [10.96.0.0/12]\n", "    routes: [10.96.0.0/12]\n    hostname: gw\n    replicas: 2\n"),
                        "tailscale.yaml:39:15: subnetRouters[0].replicas: expected at most 1 when hostname is set (use hostnamePrefix for more replicas) (got number 2)"),
                Arguments.of("ingress backend port the service lacks",
                        x.replace("backend: {service: web, port: 443}", "backend: {service: web, port: 80}"),
                        "tailscale.yaml:34:35: ingresses[0].backend.port: service \"web\" in namespace default (services[1] at line 23) has no port 80; its ports: 443 (https)"),
                Arguments.of("ingress backend port name the service lacks",
                        x.replace("backend: {service: web, port: 443}", "backend: {service: web, port: http}"),
                        "tailscale.yaml:34:35: ingresses[0].backend.port: service \"web\" in namespace default (services[1] at line 23) has no port \"http\"; its ports: 443 (https)"),
                Arguments.of("egress with both fqdn and ip",
                        x.replace("fqdn: nas.tail-xxxxx.ts.net", "fqdn: nas.tail-xxxxx.ts.net\n    ip: 100.101.102.103"),
                        "tailscale.yaml:39:5: egress[0]: set exactly one of fqdn, ip (got fqdn, ip)"),
                Arguments.of("egress with neither fqdn nor ip",
                        x.replace("    fqdn: nas.tail-xxxxx.ts.net\n", ""),
                        "tailscale.yaml:39:5: egress[0]: set exactly one of fqdn, ip (got none)"),
                Arguments.of("egress fqdn outside ts.net",
                        x.replace("fqdn: nas.tail-xxxxx.ts.net", "fqdn: nas.example.com"),
                        "tailscale.yaml:41:11: egress[0].fqdn: expected a tailnet device MagicDNS name '<device>.<tailnet>.ts.net' with an optional trailing '.' (e.g. nas.tail-xxxxx.ts.net) (got \"nas.example.com\")"),
                Arguments.of("service name is not a DNS-1035 label",
                        x.replace("name: internal-api", "name: 1nternal-api"),
                        "tailscale.yaml:16:11: services[0].name: expected a DNS-1035 label (Kubernetes Service name): lowercase letters, digits and '-', 1-63 characters, starting with a letter and ending with a letter or digit (got \"1nternal-api\")"),
                Arguments.of("ingress name is not a DNS subdomain",
                        x.replace("name: internal-web", "name: Internal_Web"),
                        "tailscale.yaml:32:11: ingresses[0].name: expected a DNS subdomain (RFC 1123, Kubernetes object name): dot-separated DNS labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, at most 253 characters in total (got \"Internal_Web\")"),
                Arguments.of("connector name is not a DNS subdomain",
                        x.replace("name: cluster-services", "name: cluster services"),
                        "tailscale.yaml:36:11: subnetRouters[0].name: expected a DNS subdomain (RFC 1123, Kubernetes object name): dot-separated DNS labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, at most 253 characters in total (got \"cluster services\")"),
                Arguments.of("two services with one name",
                        x.replace("name: web\n", "name: internal-api\n"),
                        "tailscale.yaml:23:11: services[1].name: Service default/internal-api is already generated by services[0] at line 16; names must be unique per namespace"),
                Arguments.of("public twin named like a service",
                        x.replace("name: web-public", "name: internal-api"),
                        "tailscale.yaml:29:13: services[1].public.name: Service default/internal-api is already generated by services[0] at line 16; names must be unique per namespace"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failsWithExactMessage(String rule, String config, String expected, @TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, config, expected);
    }

    @Test
    void theUnbrokenConfigRenders(@TempDir Path dir) {
        assertThat(TestConfigs.generator(TestConfigs.write(dir, EXPOSED)).render().objectCount()).isGreaterThan(12);
    }
}
