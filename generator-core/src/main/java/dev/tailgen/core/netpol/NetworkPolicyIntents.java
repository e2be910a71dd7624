package dev.tailgen.core.netpol;

import dev.tailgen.core.exposure.Cidr;
import dev.tailgen.core.netpol.PolicyIntent.Backend;
import dev.tailgen.core.netpol.PolicyIntent.ConnectorRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where each section says what its network policies must allow, in config order; {@link PolicyIntent} holds the result. */
public final class NetworkPolicyIntents {
    private final List<String> clusterCidrs;
    private final String operatorNamespace;
    final List<Backend> backends = new ArrayList<>();
    final List<ConnectorRoutes> connectors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    NetworkPolicyIntents(List<String> clusterCidrs, String operatorNamespace) {
        this.clusterCidrs = clusterCidrs;
        this.operatorNamespace = operatorNamespace;
    }

    /** A container port of a backend pod. */
    public record TargetPort(Object port, String protocol) {
    }

    /**
     * Backend pods (selected by {@code selector}) admit only the proxy of their parent, or the pods of the
     * ProxyGroup that serves it, on their target ports.
     *
     * @param parentType svc or ingress, as the operator labels the proxy
     * @param proxyGroup the ProxyGroup serving the parent, or null for its own proxy
     * @param isPublic   the Service also has a public NodePort twin: its ports admit everyone
     */
    public void backend(String parentType, String parentName, String namespace, String proxyGroup, Map<String, String> selector,
            List<TargetPort> ports, boolean isPublic) {
        Map<String, String> proxies = proxyGroup == null ? PolicyIntent.proxyLabels(parentType, parentName, namespace)
                : PolicyIntent.groupLabels(proxyGroup);
        backends.add(new Backend(parentType, parentName, namespace, selector, List.copyOf(ports), isPublic, proxies));
    }

    /** A Connector's pods may reach its routes, and the world when {@code toWorld} (an exit node, an app connector). */
    public void connector(String name, List<String> routes, boolean toWorld) {
        boolean cluster = routes.stream().anyMatch(r -> clusterCidrs.stream().anyMatch(k -> Cidr.overlaps(r, k)));
        connectors.add(new ConnectorRoutes(name, routes, toWorld, cluster, operatorNamespace));
    }

    /**
     * A ProxyGroup's pods are proxies (tailscale.com/managed), so the proxies' egress policy covers their
     * tailnet and API server traffic; each backend it serves has its own pair of policies.
     */
    public void proxyGroup(String name, String type) {
        String what = switch (type) {
            case "ingress" -> "the backends of the Services and Ingresses it serves admit only its pods";
            case "egress" -> "its pods reach their tailnet targets through the tailnet (tailscale-proxies-egress); cluster pods dial them"
                    + " on ports 10000-10999, which no generated policy restricts";
            default -> "its pods reach the API server (tailscale-proxies-egress)";
        };
        notes.add("ProxyGroup " + name + " (" + type + ", pods labelled tailscale.com/parent-resource-type: proxygroup,"
                + " tailscale.com/parent-resource: " + name + "): " + what + ".");
    }

    /** Something the policies cannot cover. */
    public void warning(String text) {
        warnings.add(text);
    }
}
