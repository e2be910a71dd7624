package dev.tailgen.core.inventory;

import dev.tailgen.core.inventory.Inventory.Device;
import dev.tailgen.core.inventory.Inventory.Egress;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.inventory.Inventory.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The Mermaid flowchart that opens REPORT.md: tailnet -> proxy devices -> Kubernetes objects. Up
 * to {@value #DETAILED_LIMIT} items every proxy is a node; above that the diagram groups proxies by
 * kind and namespace, so it stays readable for hundreds of services.
 */
final class TopologyDiagram {
    static final int DETAILED_LIMIT = 40;

    private final List<String> lines = new ArrayList<>();
    private int ids;

    private TopologyDiagram() {
    }

    static String mermaid(Inventory inv) {
        TopologyDiagram d = new TopologyDiagram();
        d.lines.add("flowchart LR");
        d.lines.add("  tailnet((\"tailnet<br/>" + label(inv.tailnetDomain()) + "\"))");
        Device operator = inv.devices().get(0);
        d.edge("tailnet", "---", d.node(operator.magicDns(), operator.role()));
        int items = inv.exposures().size() + inv.routers().size() + inv.egress().size();
        if (items <= DETAILED_LIMIT) {
            d.detailed(inv);
        } else {
            d.grouped(inv);
        }
        return String.join("\n", d.lines) + "\n";
    }

    private void detailed(Inventory inv) {
        Map<String, String> groups = new TreeMap<>();
        for (Inventory.ProxyGroupEntry g : inv.proxyGroups()) {
            List<String> parts = new ArrayList<>(g.devices());
            parts.add(g.object() + " (" + g.type() + ")");
            String id = node(parts.toArray(String[]::new));
            groups.put(g.name(), id);
            if (!g.type().equals("egress")) {
                edge("tailnet", "---", id);
            }
        }
        for (Endpoint e : inv.exposures()) {
            if (e.proxyGroup() != null && groups.containsKey(e.proxyGroup())) {
                String service = node(e.magicDns(), "Tailscale Service svc:" + e.hostname());
                edge("tailnet", "-->", service);
                edge(service, "-->", groups.get(e.proxyGroup()));
                if (!e.kind().equals("API server")) {
                    edge(groups.get(e.proxyGroup()), "-->", node(e.object()));
                }
                continue;
            }
            String proxy = node(e.magicDns(), e.kind().toLowerCase(Locale.ROOT) + " proxy");
            String object = node(e.object());
            edge("tailnet", "-->", proxy);
            edge(proxy, "-->", object);
            if (e.kind().equals("Ingress")) {
                edge(object, "-->", node(e.target()));
            }
        }
        for (Router r : inv.routers()) {
            List<String> parts = new ArrayList<>(r.devices());
            parts.add(r.object());
            String connector = node(parts.toArray(String[]::new));
            List<String> reach = new ArrayList<>(r.routes());
            if (r.exitNode()) {
                reach.add("exit node: the internet");
            }
            edge("tailnet", "-->", connector);
            edge(connector, "-->", node(reach.toArray(String[]::new)));
        }
        for (Egress e : inv.egress()) {
            String service = node(e.object());
            String group = e.proxyGroup() == null ? null : groups.get(e.proxyGroup());
            String proxy = group != null ? group : node(e.device(), "egress proxy");
            edge(service, "-->", proxy);
            edge(proxy, "-->|\"" + label(e.target()) + "\"|", "tailnet");
        }
    }

    private void grouped(Inventory inv) {
        Map<String, Map<String, Integer>> byKind = new TreeMap<>();
        for (Endpoint e : inv.exposures()) {
            String namespace = e.object().substring(e.object().indexOf(' ') + 1, e.object().indexOf('/'));
            byKind.computeIfAbsent(e.kind(), k -> new TreeMap<>()).merge(namespace, 1, Integer::sum);
        }
        byKind.forEach((kind, namespaces) -> namespaces.forEach((ns, n) -> {
            String proxies = node(n + " " + kind.toLowerCase(Locale.ROOT) + (n == 1 ? " proxy" : " proxies"));
            edge("tailnet", "-->", proxies);
            edge(proxies, "-->", node(n + " " + kind + (n == 1 ? "" : kind.endsWith("s") ? "es" : "s") + " in namespace " + ns));
        }));
        if (!inv.routers().isEmpty()) {
            int devices = inv.routers().stream().mapToInt(r -> r.devices().size()).sum();
            int routes = inv.routers().stream().mapToInt(r -> r.routes().size()).sum();
            String connectors = node(inv.routers().size() + " Connectors", devices + " devices");
            edge("tailnet", "-->", connectors);
            edge(connectors, "-->", node(routes + " routes"));
        }
        if (!inv.egress().isEmpty()) {
            String proxies = node(inv.egress().size() + " egress proxies");
            edge(node(inv.egress().size() + " egress Services"), "-->", proxies);
            edge(proxies, "-->", "tailnet");
        }
    }

    /** Declares a node whose label is the given lines; returns its id. */
    private String node(String... labelLines) {
        String id = "n" + ids++;
        StringJoiner text = new StringJoiner("<br/>");
        for (String line : labelLines) {
            text.add(label(line));
        }
        lines.add("  " + id + "[\"" + text + "\"]");
        return id;
    }

    private void edge(String from, String arrow, String to) {
        lines.add("  " + from + " " + arrow + " " + to);
    }

    /** Values are DNS names and Kubernetes names; escape what would end a Mermaid label anyway. */
    private static String label(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
