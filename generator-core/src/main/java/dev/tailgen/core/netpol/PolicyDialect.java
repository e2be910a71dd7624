package dev.tailgen.core.netpol;

import dev.tailgen.core.netpol.PolicyIntent.Backend;
import dev.tailgen.core.netpol.PolicyIntent.ConnectorRoutes;
import java.util.List;
import java.util.Map;

/** How one provider writes the parts of a policy; {@link PolicyObject#all} puts them together the same way for each. */
interface PolicyDialect {

    /** A spec that selects pods by labels and lists their egress rules. */
    Map<String, Object> egressSpec(Map<String, String> selector, List<Map<String, Object>> egress);

    /** Egress every operator and proxy pod needs: API server, cluster DNS, the tailnet. */
    List<Map<String, Object>> baseEgress(PolicyIntent intent);

    /** The egress rule from a proxy to its backend pods on their target ports. */
    Map<String, Object> toBackend(Backend backend);

    /** The backend pods' spec: admit only their own proxy (and everyone on a public twin's ports). */
    Map<String, Object> backendSpec(Backend backend, String operatorNamespace);

    /** A Connector's egress: its routes, cluster pods when a route covers them, the world for an exit node. */
    List<Map<String, Object>> connectorEgress(ConnectorRoutes connector, PolicyIntent intent);
}
