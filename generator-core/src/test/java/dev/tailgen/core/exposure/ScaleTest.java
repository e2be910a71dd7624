package dev.tailgen.core.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 500 services and 100 ingresses (plus Connectors and egress, and every option: LoadBalancer, tags,
 * proxy classes, funnel, redirect, exit node, IPv6 routes, egress by IP) render; every name in the inventory
 * is unique. The output is left in target/scale-output, where .ci/run runs the manifest validator on it.
 */
class ScaleTest {
    static final int SERVICES = 500;
    static final int INGRESSES = 100;
    static final Path OUTPUT = Path.of("target", "scale-output");

    static String config() {
        StringBuilder sb = new StringBuilder(TestConfigs.MINIMAL);
        sb.append("proxies:\n  talosTun: {resource: squat.ai/tun}\n");
        sb.append("networkPolicy:\n  provider: kubernetes\n");
        sb.append("services:\n");
        for (int i = 0; i < SERVICES; i++) {
            sb.append("  - name: svc-").append(i).append('\n')
              .append("    namespace: team-").append(i % 5).append('\n')
              .append("    selector: {app: svc-").append(i).append("}\n")
              .append("    ports:\n      - {name: http, port: 8080, targetPort: 8080}\n");
            if (i % 50 == 0) {
                sb.append("    public: {name: svc-").append(i).append("-public}\n");
            }
            if (i % 7 == 3) {
                sb.append("    type: LoadBalancer\n    tags: [tag:k8s, tag:team-").append(i % 5).append("]\n");
            }
            if (i % 11 == 5) {
                sb.append("    proxyClass: custom-class\n");
            }
        }
        sb.append("ingresses:\n");
        for (int i = 0; i < INGRESSES; i++) {
            sb.append("  - name: web-").append(i).append('\n')
              .append("    namespace: team-").append(i % 5).append('\n')
              .append("    backend: {service: svc-").append(i).append(", port: http}\n")
              .append("    paths: [/, /api]\n");
            if (i % 4 == 1) {
                sb.append("    funnel: true\n    httpRedirect: true\n    tags: [tag:k8s, tag:public]\n    proxyClass: custom-class\n");
            }
        }
        sb.append("subnetRouters:\n");
        for (int i = 0; i < 5; i++) {
            sb.append("  - name: router-").append(i).append("\n    routes: [10.").append(i).append(".0.0/16, 'fd00:").append(i)
              .append("::/64']\n    hostnamePrefix: router-").append(i).append("\n    replicas: 2\n    exitNode: ").append(i == 0)
              .append("\n    tags: [tag:k8s-router]\n");
        }
        sb.append("egress:\n");
        for (int i = 0; i < 10; i++) {
            sb.append("  - name: db-").append(i).append("\n    namespace: team-").append(i % 5)
              .append(i % 2 == 0 ? "\n    fqdn: db-" + i + ".tail-xxxxx.ts.net" : "\n    ip: 100.101.102." + i)
              .append("\n    ports: [{port: 5432}]\n");
        }
        return sb.toString();
    }

    @Test
    void rendersAndNamesAreUnique(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Generator generator = TestConfigs.generator(TestConfigs.write(dir, config()));
        GenerationResult result = generator.render();

        // 12 install objects + ProxyClass + 5 Namespaces + 500 Services + 10 twins + 100 Ingresses + 5 Connectors + 10 egress
        // + NetworkPolicies: operator, proxies, 2 per Service and per Ingress (backend admits, proxy egress), 1 per Connector
        assertThat(result.objectCount()).isEqualTo(12 + 1 + 5 + SERVICES + 10 + INGRESSES + 5 + 10 + 2 + 2 * (SERVICES + INGRESSES) + 5);
        // operator + 500 + 100 + 5 x 2 replicas + 10 egress proxies
        assertThat(result.tailnetDevices()).isEqualTo(1 + SERVICES + INGRESSES + 10 + 10);
        assertThat(result.warnings()).containsExactly("this config creates 621 tailnet devices, more than the 100 of"
                + " Tailscale's free plan: the tailnet needs a paid plan");

        JsonNode inventory = new ObjectMapper().readTree(TestConfigs.text(result, "inventory.json"));
        assertUnique(inventory.path("devices"), "name");
        assertUnique(inventory.path("devices"), "magicDns");
        assertUnique(inventory.path("exposures"), "object");
        assertUnique(inventory.path("exposures"), "magicDns");
        List<String> urls = new ArrayList<>();
        inventory.path("exposures").forEach(e -> e.path("urls").forEach(u -> urls.add(u.asText())));
        assertThat(urls).hasSize(SERVICES + 2 * INGRESSES).doesNotHaveDuplicates();
        assertThat(TestConfigs.text(result, "manifests/tailscale-services.yaml")).contains("loadBalancerClass: \"tailscale\"");
        assertThat(TestConfigs.text(result, "manifests/tailscale-ingresses.yaml")).contains("tailscale.com/funnel: \"true\"");
        assertThat(TestConfigs.text(result, "REPORT.md")).contains("100 Services in namespace team-0");

        generator.write(result, OUTPUT); // replaces an earlier run's folder (it carries the writer's marker)
    }

    private static void assertUnique(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.path(field).asText()));
        assertThat(values).as(field).isNotEmpty().doesNotHaveDuplicates();
    }
}
