package dev.tailgen.core.netpol;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.netpol.NetworkPolicyIntents.TargetPort;
import dev.tailgen.core.operator.OperatorInstall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the network policies must allow, independent of the provider: backends admit only their
 * own proxy pods (selected by the operator's parent-resource labels) on their target ports;
 * the operator and the proxies may reach the API server, DNS and the tailnet; each proxy may
 * reach its backend; each Connector its routes. Both renderers read this one model.
 */
record PolicyIntent(
        String operatorNamespace,
        int apiServerPort,
        List<String> apiServerCidrs,
        List<String> clusterCidrs,
        List<Backend> backends,
        List<ConnectorRoutes> connectors,
        List<String> warnings,
        List<String> notes) {

    /** Talos' default pod and service CIDRs. */
    static final List<String> TALOS_CLUSTER_CIDRS = List.of("10.244.0.0/16", "10.96.0.0/12");
    static final List<String> ANYWHERE = List.of("0.0.0.0/0", "::/0");

    /**
     * @param parentType  svc or ingress, as the operator labels the proxy
     * @param isPublic    the Service also has a public NodePort twin: its ports admit everyone
     * @param proxyLabels the labels of the pods that proxy to it: its own proxy's, or its ProxyGroup's
     */
    record Backend(String parentType, String parentName, String namespace, Map<String, String> selector,
            List<TargetPort> ports, boolean isPublic, Map<String, String> proxyLabels) {
    }

    /**
     * @param exitNode       it reaches the world: an exit node, or an app connector (its domains' addresses)
     * @param reachesCluster a route overlaps the pod or service CIDRs, whose traffic policies see as pod traffic
     */
    record ConnectorRoutes(String name, List<String> routes, boolean exitNode, boolean reachesCluster, String operatorNamespace) {
        Map<String, String> proxyLabels() {
            return PolicyIntent.proxyLabels("connector", name, operatorNamespace);
        }
    }

    static PolicyIntent of(TailscaleConfig.NetworkPolicy config, OperatorInstall install, Exposure exposure) {
        int apiPort = config.apiServerPort() == null ? 6443 : config.apiServerPort();
        List<String> apiCidrs = config.apiServerCidrs() == null ? ANYWHERE : config.apiServerCidrs();
        List<String> clusterCidrs = config.clusterCidrs() == null ? TALOS_CLUSTER_CIDRS : config.clusterCidrs();
        NetworkPolicyIntents intents = new NetworkPolicyIntents(clusterCidrs, install.namespace());
        exposure.parts().forEach(part -> part.networkPolicy(intents));
        return new PolicyIntent(install.namespace(), apiPort, apiCidrs, clusterCidrs, List.copyOf(intents.backends),
                List.copyOf(intents.connectors), List.copyOf(intents.warnings), List.copyOf(intents.notes));
    }

    /** The labels of a ProxyGroup's pods (op/proxygroup_specs.go:pgLabels): no namespace label, the group is cluster-scoped. */
    static Map<String, String> groupLabels(String group) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("tailscale.com/managed", "true");
        labels.put("tailscale.com/parent-resource", group);
        labels.put("tailscale.com/parent-resource-type", "proxygroup");
        return labels;
    }

    static Map<String, String> proxyLabels(String type, String name, String namespace) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("tailscale.com/managed", "true");
        labels.put("tailscale.com/parent-resource", name);
        labels.put("tailscale.com/parent-resource-ns", namespace);
        labels.put("tailscale.com/parent-resource-type", type);
        return labels;
    }
}
