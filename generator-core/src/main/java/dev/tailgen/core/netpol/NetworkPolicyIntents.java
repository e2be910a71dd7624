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

    NetworkPolicyIntents(List<String> clusterCidrs, String operatorNamespace) {
        this.clusterCidrs = clusterCidrs;
        this.operatorNamespace = operatorNamespace;
    }

    /** A container port of a backend pod. */
    public record TargetPort(Object port, String protocol) {
    }

    /**
     * Backend pods (selected by {@code selector}) admit only the proxy of their parent, on their target ports.
     *
     * @param parentType svc or ingress, as the operator labels the proxy
     * @param isPublic   the Service also has a public NodePort twin: its ports admit everyone
     */
    public void backend(String parentType, String parentName, String namespace, Map<String, String> selector, List<TargetPort> ports,
            boolean isPublic) {
        backends.add(new Backend(parentType, parentName, namespace, selector, List.copyOf(ports), isPublic));
    }

    /** A Connector's pods may reach its routes. */
    public void connector(String name, List<String> routes, boolean exitNode) {
        boolean cluster = routes.stream().anyMatch(r -> clusterCidrs.stream().anyMatch(k -> Cidr.overlaps(r, k)));
        connectors.add(new ConnectorRoutes(name, routes, exitNode, cluster, operatorNamespace));
    }

    /** Something the policies cannot cover. */
    public void warning(String text) {
        warnings.add(text);
    }
}
