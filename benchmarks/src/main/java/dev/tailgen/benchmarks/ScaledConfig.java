package dev.tailgen.benchmarks;

/**
 * A generated tailscale.yaml with {@code services} exposed Services and, in proportion, one Ingress
 * per 5 services, one Connector per 100, one egress target per 50, in 5 namespaces, with Cilium
 * network policies (two per Service and Ingress) and monitoring on.
 */
final class ScaledConfig {
    private ScaledConfig() {
    }

    static String of(int services) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: tailgen.dev/v1alpha1
                kind: TailscaleCluster
                metadata:
                  name: bench
                tailnet:
                  domain: tail-xxxxx.ts.net
                talos:
                  version: "1.13"
                operator:
                  hostname: tailscale-operator
                  credentials:
                    existingSecret: {name: operator-oauth}
                proxies:
                  talosTun: {resource: squat.ai/tun}
                networkPolicy:
                  provider: cilium
                monitoring:
                  serviceMonitor: true
                """);
        sb.append("services:\n");
        for (int i = 0; i < services; i++) {
            sb.append("  - name: svc-").append(i).append("\n    namespace: team-").append(i % 5)
                    .append("\n    selector: {app: svc-").append(i).append("}\n    ports:\n      - {name: http, port: 8080, targetPort: 8080}\n");
        }
        int ingresses = services / 5;
        if (ingresses > 0) {
            sb.append("ingresses:\n");
            for (int i = 0; i < ingresses; i++) {
                sb.append("  - name: web-").append(i).append("\n    namespace: team-").append(i % 5)
                        .append("\n    backend: {service: svc-").append(i).append(", port: http}\n");
            }
        }
        int connectors = Math.max(1, services / 100);
        sb.append("subnetRouters:\n");
        for (int i = 0; i < connectors; i++) {
            sb.append("  - name: router-").append(i).append("\n    routes: [10.").append(i % 250).append('.').append(i / 250).append(".0/24]\n");
        }
        int egress = services / 50;
        if (egress > 0) {
            sb.append("egress:\n");
            for (int i = 0; i < egress; i++) {
                sb.append("  - name: db-").append(i).append("\n    namespace: team-").append(i % 5)
                        .append("\n    fqdn: db-").append(i).append(".tail-xxxxx.ts.net\n    ports: [{port: 5432}]\n");
            }
        }
        return sb.toString();
    }
}
