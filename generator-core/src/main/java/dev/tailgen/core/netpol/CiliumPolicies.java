package dev.tailgen.core.netpol;

import dev.tailgen.core.netpol.PolicyIntent.Backend;
import dev.tailgen.core.netpol.PolicyIntent.ConnectorRoutes;
import dev.tailgen.core.netpol.NetworkPolicyIntents.TargetPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CiliumNetworkPolicy (cilium.io/v2) for the intent. Ports are strings, protocols upper-case;
 * the API server is the kube-apiserver entity on its endpoint port (policy sees it after service
 * translation); the tailnet is TCP 443 and every UDP port to the world (DERP and STUN use IP literals, so
 * toFQDNs cannot express it).
 */
final class CiliumPolicies implements PolicyDialect {
    static final String NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";

    @Override
    public Map<String, Object> toBackend(Backend b) {
        return rule("toEndpoints", List.of(backendPods(b)), b.ports());
    }

    @Override
    public List<Map<String, Object>> connectorEgress(ConnectorRoutes c, PolicyIntent intent) {
        List<Map<String, Object>> egress = new ArrayList<>();
        if (!c.routes().isEmpty()) {
            egress.add(Map.of("toCIDR", c.routes()));
        }
        if (c.reachesCluster()) {
            egress.add(Map.of("toEntities", List.of("cluster"))); // routed cluster IPs reach pods after service translation
        }
        if (c.exitNode()) {
            egress.add(Map.of("toEntities", List.of("world")));
        }
        return egress;
    }

    /** API server, cluster DNS (with the DNS rule that turns on Cilium's DNS proxy), the tailnet. */
    @Override
    public List<Map<String, Object>> baseEgress(PolicyIntent intent) {
        Map<String, String> dnsPods = new LinkedHashMap<>();
        dnsPods.put(NAMESPACE_LABEL, "kube-system");
        dnsPods.put("k8s:k8s-app", "kube-dns");
        Map<String, Object> dnsPorts = new LinkedHashMap<>();
        dnsPorts.put("ports", List.of(port("53", "ANY")));
        dnsPorts.put("rules", Map.of("dns", List.of(Map.of("matchPattern", "*"))));
        Map<String, Object> dns = new LinkedHashMap<>();
        dns.put("toEndpoints", List.of(Map.of("matchLabels", dnsPods)));
        dns.put("toPorts", List.of(dnsPorts));
        Map<String, Object> udpAll = port("1", "UDP");
        udpAll.put("endPort", 65535);
        return List.of(
                rule("toEntities", List.of("kube-apiserver"), List.of(new TargetPort(intent.apiServerPort(), "TCP"))),
                dns,
                entitiesOnPorts("world", List.of(port("443", "TCP"), udpAll)));
    }

    @Override
    public Map<String, Object> backendSpec(Backend b, String operatorNamespace) {
        Map<String, String> proxies = new LinkedHashMap<>();
        proxies.put(NAMESPACE_LABEL, operatorNamespace);
        proxies.putAll(b.proxyLabels());
        List<Map<String, Object>> ingress = new ArrayList<>();
        ingress.add(rule("fromEndpoints", List.of(Map.of("matchLabels", proxies)), b.ports()));
        if (b.isPublic()) {
            ingress.add(rule("fromEntities", List.of("all"), b.ports())); // the public NodePort twin serves the same ports to everyone
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("endpointSelector", Map.of("matchLabels", b.selector()));
        spec.put("ingress", ingress);
        return spec;
    }

    private static Map<String, Object> backendPods(Backend b) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAMESPACE_LABEL, b.namespace());
        labels.putAll(b.selector());
        return Map.of("matchLabels", labels);
    }

    @Override
    public Map<String, Object> egressSpec(Map<String, String> selector, List<Map<String, Object>> egress) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("endpointSelector", Map.of("matchLabels", selector));
        spec.put("egress", egress);
        return spec;
    }

    private static Map<String, Object> rule(String peerKey, Object peers, List<TargetPort> ports) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TargetPort p : ports) {
            list.add(port(String.valueOf(p.port()), p.protocol()));
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put(peerKey, peers);
        rule.put("toPorts", List.of(Map.of("ports", list)));
        return rule;
    }

    private static Map<String, Object> entitiesOnPorts(String entity, List<Map<String, Object>> ports) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("toEntities", List.of(entity));
        rule.put("toPorts", List.of(Map.of("ports", ports)));
        return rule;
    }

    private static Map<String, Object> port(String port, String protocol) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("port", port);
        p.put("protocol", protocol);
        return p;
    }
}
