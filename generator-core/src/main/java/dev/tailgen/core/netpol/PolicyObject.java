package dev.tailgen.core.netpol;

import dev.tailgen.core.netpol.PolicyIntent.Backend;
import dev.tailgen.core.netpol.PolicyIntent.ConnectorRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One policy to render: its name, namespace, what it is for (a label-safe purpose), and its spec. */
record PolicyObject(String name, String namespace, String purpose, Map<String, Object> spec) {

    /**
     * The policies for the intent, in one order and with one naming for every provider: operator and
     * proxy egress in the operator namespace, then per backend its proxy's egress and its own
     * admission, then per Connector its egress.
     */
    static List<PolicyObject> all(PolicyIntent intent, PolicyDialect dialect) {
        List<PolicyObject> out = new ArrayList<>();
        String opNs = intent.operatorNamespace();
        out.add(new PolicyObject("tailscale-operator-egress", opNs, "operator-egress",
                dialect.egressSpec(Map.of("app", "operator"), dialect.baseEgress(intent))));
        out.add(new PolicyObject("tailscale-proxies-egress", opNs, "proxies-egress",
                dialect.egressSpec(Map.of("tailscale.com/managed", "true"), dialect.baseEgress(intent))));
        for (Backend b : intent.backends()) {
            out.add(new PolicyObject(parentName("tailscale-proxy", b.parentType(), b.namespace(), b.parentName()), opNs,
                    "proxy-egress", dialect.egressSpec(b.proxyLabels(), List.of(dialect.toBackend(b)))));
            out.add(new PolicyObject(parentName("tailscale-allow", b.parentType(), b.namespace(), b.parentName()), b.namespace(),
                    "backend-ingress", dialect.backendSpec(b, opNs)));
        }
        for (ConnectorRoutes c : intent.connectors()) {
            out.add(new PolicyObject(parentName("tailscale-proxy", "connector", opNs, c.name()), opNs, "connector-egress",
                    dialect.egressSpec(c.proxyLabels(), dialect.connectorEgress(c, intent))));
        }
        return out;
    }

    /** Policy names per parent: {@code <prefix>-svc.<namespace>.<name>}; dots keep them unique (namespaces have none). */
    static String parentName(String prefix, String type, String namespace, String name) {
        return prefix + "-" + type + "." + namespace + "." + name;
    }
}
