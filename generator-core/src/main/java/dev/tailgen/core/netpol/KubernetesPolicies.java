package dev.tailgen.core.netpol;

import dev.tailgen.core.exposure.Cidr;
import dev.tailgen.core.netpol.PolicyIntent.Backend;
import dev.tailgen.core.netpol.PolicyIntent.ConnectorRoutes;
import dev.tailgen.core.netpol.NetworkPolicyIntents.TargetPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain NetworkPolicy (networking.k8s.io/v1) for the intent. Peers that must match together share
 * one entry (namespaceSelector AND podSelector); policyTypes are explicit. Without an API-server
 * entity, the API server is {@code networkPolicy.apiServerCidrs} on its port; the tailnet is
 * TCP 443 and every UDP port to anywhere outside the cluster CIDRs.
 */
final class KubernetesPolicies implements PolicyDialect {
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    @Override
    public Map<String, Object> toBackend(Backend b) {
        return to(List.of(pods(b.namespace(), b.selector())), ports(b.ports()));
    }

    @Override
    public List<Map<String, Object>> connectorEgress(ConnectorRoutes c, PolicyIntent intent) {
        List<Map<String, Object>> egress = new ArrayList<>();
        if (!c.routes().isEmpty()) {
            egress.add(Map.of("to", c.routes().stream().map(r -> (Object) Map.of("ipBlock", Map.of("cidr", r))).toList()));
        }
        if (c.reachesCluster()) {
            // routed Service IPs are translated to pod IPs before policy applies: allow the pods
            egress.add(Map.of("to", List.of(Map.of("namespaceSelector", Map.of()))));
        }
        if (c.exitNode()) {
            egress.add(Map.of("to", outside(intent.clusterCidrs())));
        }
        return egress;
    }

    @Override
    public List<Map<String, Object>> baseEgress(PolicyIntent intent) {
        Map<String, Object> dnsPeer = pods("kube-system", Map.of("k8s-app", "kube-dns"));
        Map<String, Object> udpAll = port(1, "UDP");
        udpAll.put("endPort", 65535);
        return List.of(
                to(intent.apiServerCidrs().stream().map(c -> (Map<String, Object>) ipBlock(c, List.of())).toList(),
                        List.of(port(intent.apiServerPort(), "TCP"))),
                to(List.of(dnsPeer), List.of(port(53, "UDP"), port(53, "TCP"))),
                to(outside(intent.clusterCidrs()), List.of(port(443, "TCP"), udpAll)));
    }

    /** Anywhere, IPv4 and IPv6, except the cluster's own CIDRs of that family. */
    private static List<Map<String, Object>> outside(List<String> clusterCidrs) {
        List<String> v4 = clusterCidrs.stream().filter(c -> !Cidr.isIpv6(c)).toList();
        List<String> v6 = clusterCidrs.stream().filter(Cidr::isIpv6).toList();
        return List.of(ipBlock("0.0.0.0/0", v4), ipBlock("::/0", v6));
    }

    @Override
    public Map<String, Object> backendSpec(Backend b, String operatorNamespace) {
        Map<String, Object> proxies = new LinkedHashMap<>();
        proxies.put("namespaceSelector", Map.of("matchLabels", Map.of(NAMESPACE_NAME, operatorNamespace)));
        proxies.put("podSelector", Map.of("matchLabels", b.proxyLabels()));
        List<Map<String, Object>> ingress = new ArrayList<>();
        Map<String, Object> fromProxies = new LinkedHashMap<>();
        fromProxies.put("from", List.of(proxies));
        fromProxies.put("ports", ports(b.ports()));
        ingress.add(fromProxies);
        if (b.isPublic()) {
            ingress.add(Map.of("ports", ports(b.ports()))); // the public NodePort twin serves the same ports to everyone
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("podSelector", Map.of("matchLabels", b.selector()));
        spec.put("policyTypes", List.of("Ingress"));
        spec.put("ingress", ingress);
        return spec;
    }

    @Override
    public Map<String, Object> egressSpec(Map<String, String> selector, List<Map<String, Object>> egress) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("podSelector", Map.of("matchLabels", selector));
        spec.put("policyTypes", List.of("Egress"));
        spec.put("egress", egress);
        return spec;
    }

    private static Map<String, Object> pods(String namespace, Map<String, String> labels) {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("namespaceSelector", Map.of("matchLabels", Map.of(NAMESPACE_NAME, namespace)));
        peer.put("podSelector", Map.of("matchLabels", labels));
        return peer;
    }

    private static Map<String, Object> ipBlock(String cidr, List<String> except) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("cidr", cidr);
        if (!except.isEmpty()) {
            block.put("except", except);
        }
        return Map.of("ipBlock", block);
    }

    private static Map<String, Object> to(List<Map<String, Object>> peers, List<Map<String, Object>> ports) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("to", peers);
        rule.put("ports", ports);
        return rule;
    }

    private static List<Map<String, Object>> ports(List<TargetPort> ports) {
        return ports.stream().map(p -> port(p.port(), p.protocol())).toList();
    }

    private static Map<String, Object> port(Object port, String protocol) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("port", port);
        p.put("protocol", protocol);
        return p;
    }
}
