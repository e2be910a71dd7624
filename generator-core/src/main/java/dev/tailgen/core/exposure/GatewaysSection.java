package dev.tailgen.core.exposure;

import static dev.tailgen.core.exposure.Sections.or;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.inventory.InventoryEntries;
import dev.tailgen.core.monitoring.ScrapeTargets;
import dev.tailgen.core.netpol.NetworkPolicyIntents;
import dev.tailgen.core.policy.PolicyPieces;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code gateways[]}: a Gateway API Gateway whose implementation (Cilium, Envoy Gateway, ...) creates
 * a LoadBalancer Service with {@code loadBalancerClass: tailscale} for its data plane. The operator
 * reads its annotations on that Service (op/svc.go, op/sts.go: tailscale.com/hostname, tags,
 * proxy-class); the Gateway carries them in {@code spec.infrastructure.annotations}, which Gateway
 * API implementations copy onto the resources they create. The GatewayClass stays the user's.
 */
public final class GatewaysSection implements Section<GatewaysSection.TailnetGateway> {
    public static final GatewaysSection INSTANCE = new GatewaysSection();
    private static final JsonMapper JSON = new JsonMapper();

    private GatewaysSection() {
    }

    /**
     * @param listeners the Gateway's listeners as written (checked against the Gateway API model at load)
     * @param tagsGiven whether the item set its own tags (only then is the annotation written)
     * @param proxyGroup the ingress ProxyGroup serving the data plane Service as Tailscale Service svc:&lt;hostname&gt;, or null
     * @param groupTags  that group's device tags
     */
    public record TailnetGateway(String pointer, String name, String namespace, String gatewayClassName, String hostname,
            boolean hostnameGiven, List<String> tags, boolean tagsGiven, String proxyClass, String proxyGroup,
            List<Map<String, Object>> listeners, Map<String, String> labels, Map<String, String> annotations, List<String> groupTags)
            implements Exposed {

        @Override
        public String object() {
            return "Gateway " + namespace + "/" + name;
        }

        @Override
        public List<Device> devices() {
            if (proxyGroup != null) {
                return List.of();
            }
            return List.of(new Device(hostname, "gateway proxy", object(), hostnameGiven ? pointer + "/hostname" : pointer,
                    hostnameGiven ? null : "<namespace>-<name>"));
        }

        /** The data plane Service is a Service: its label or annotation, else the default (op/sts.go:proxyClassForObject). */
        @Override
        public List<String> tailscaleServices() {
            return proxyGroup == null ? List.of() : List.of(ProxyGroupsSection.tailscaleService(hostname));
        }

        @Override
        public String classUsed(String defaultClass) {
            if (proxyGroup != null) {
                return null;
            }
            return proxyClass != null ? proxyClass : defaultClass.isEmpty() ? null : defaultClass;
        }

        @Override
        public List<GeneratedObject> objects() {
            return List.of(new GeneratedObject("Gateway", namespace, name, pointer + "/name"));
        }
    }

    @Override
    public String key() {
        return "gateways";
    }

    @Override
    public String group() {
        return "tailscale-gateways";
    }

    @Override
    public List<TailnetGateway> resolve(Resolution r) {
        List<TailnetGateway> gateways = new ArrayList<>();
        List<TailscaleConfig.Gateway> in = or(r.config().gateways());
        for (int i = 0; i < in.size(); i++) {
            TailscaleConfig.Gateway g = in.get(i);
            String ns = or(g.namespace(), "default");
            List<Map<String, Object>> listeners = new ArrayList<>();
            for (JsonNode l : g.listeners()) {
                listeners.add(sorted(JSON.convertValue(l, Map.class)));
            }
            gateways.add(new TailnetGateway("/gateways/" + i, g.name(), ns, g.gatewayClassName(), or(g.hostname(), ns + "-" + g.name()),
                    g.hostname() != null, Sections.tags(g.tags(), r.install().proxyTags()), g.tags() != null, g.proxyClass(),
                    g.proxyGroup(), List.copyOf(listeners), new TreeMap<>(g.labels() == null ? Map.of() : g.labels()),
                    new TreeMap<>(g.annotations() == null ? Map.of() : g.annotations()), ProxyGroupsSection.deviceTags(r, g.proxyGroup())));
        }
        return gateways;
    }

    /** Keys sorted at every level, so the output does not depend on how the config orders them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, Object> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, sortedValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object sortedValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return sorted((Map<String, Object>) m);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(GatewaysSection::sortedValue).toList();
        }
        return v;
    }

    /** What the operator reads on the data plane Service, as the implementation will copy it there. */
    private static Map<String, String> infrastructureAnnotations(TailnetGateway g) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("tailscale.com/hostname", g.hostname());
        if (g.tagsGiven()) {
            annotations.put("tailscale.com/tags", String.join(",", g.tags()));
        }
        if (g.proxyClass() != null) {
            annotations.put(ExposureTemplates.PROXY_CLASS_LABEL, g.proxyClass());
        }
        ExposureTemplates.putIfSet(annotations, ExposureTemplates.PROXY_GROUP_ANNOTATION, g.proxyGroup());
        return annotations;
    }

    @Override
    public List<TemplateCall> templates(TailnetGateway g) {
        Map<String, Object> gw = new LinkedHashMap<>();
        gw.put("name", g.name());
        gw.put("namespace", g.namespace());
        Map<String, String> labels = new TreeMap<>(g.labels());
        labels.putAll(ExposureTemplates.managedLabels());
        gw.put("labels", labels);
        gw.put("hasAnnotations", !g.annotations().isEmpty());
        gw.put("annotations", g.annotations());
        gw.put("gatewayClassName", g.gatewayClassName());
        gw.put("infrastructureAnnotations", infrastructureAnnotations(g));
        gw.put("listeners", g.listeners());
        return List.of(ExposureTemplates.call("exposure/gateway.yaml.j2", "gw", gw));
    }

    /**
     * A group must exist and be of type ingress (op/svc-for-pg.go serves LoadBalancer Services too); a
     * standalone data plane Service's proxy is an L4 proxy, which exits in userspace mode with a userspace class.
     */
    @Override
    public void check(TailnetGateway g, Exposure exposure, ExposureChecks.Problems problems) {
        if (g.proxyGroup() != null) {
            ProxyGroupsSection.checkServed(g, g.proxyClass(), exposure, problems);
        } else {
            ServicesSection.refuseUserspaceL4(g, g.object(), g.proxyClass(), exposure, problems);
        }
    }

    @Override
    public void inventory(TailnetGateway g, InventoryEntries entries) {
        String dns = entries.dns(g.hostname());
        List<String> urls = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        List<String> listeners = new ArrayList<>();
        for (Map<String, Object> l : g.listeners()) {
            int port = ((Number) l.get("port")).intValue();
            String protocol = String.valueOf(l.get("protocol"));
            Object host = l.get("hostname");
            ports.add(port);
            urls.add(url(host == null ? dns : host.toString(), protocol, port));
            listeners.add(l.get("name") + " " + protocol + " " + port + (host == null ? "" : " " + host));
        }
        entries.endpoint(new Endpoint("Gateway", g.object(), g.hostname(), dns, urls, g.tags(), ports,
                "GatewayClass " + g.gatewayClassName() + ": listeners " + String.join(", ", listeners), null, null,
                g.proxyGroup()));
    }

    @Override
    public void policy(TailnetGateway g, PolicyPieces pieces) {
        if (g.proxyGroup() != null) {
            pieces.approveService(g.tags(), g.groupTags());
        }
    }

    /** A listener's address: its hostname (routed by SNI or Host; point it at the device with split DNS) or the device's. */
    private static String url(String host, String protocol, int port) {
        return switch (protocol.toUpperCase(Locale.ROOT)) {
            case "HTTPS" -> "https://" + host + (port == 443 ? "" : ":" + port);
            case "HTTP" -> "http://" + host + (port == 80 ? "" : ":" + port);
            case "UDP" -> host + ":" + port + " (UDP)";
            default -> host + ":" + port;
        };
    }

    /** The implementation names its data plane Service and pods, so no generated policy can select them. */
    @Override
    public void networkPolicy(TailnetGateway g, NetworkPolicyIntents intents) {
        String proxies = g.proxyGroup() == null ? "its proxy pods (label tailscale.com/parent-resource-type: svc, in the operator's namespace)"
                : "ProxyGroup " + g.proxyGroup() + "'s pods (labels tailscale.com/parent-resource-type: proxygroup, tailscale.com/parent-resource: "
                        + g.proxyGroup() + ", in the operator's namespace)";
        intents.warning(g.object() + ": the generated network policies cannot select its data plane (the GatewayClass's"
                + " implementation names its Service and pods); let " + proxies + " reach the data plane pods on the listener ports,"
                + " or the gateway gets no traffic");
    }

    @Override
    public String scraped(TailnetGateway g, ScrapeTargets targets) {
        if (g.proxyGroup() != null) {
            return targets.servedByGroup(g.object(), g.proxyGroup());
        }
        return targets.proxy(targets.dns(g.hostname()), g.object(), g.proxyClass() == null ? targets.defaultClass() : g.proxyClass());
    }
}
