package dev.tailgen.core.exposure;

import static dev.tailgen.core.exposure.Sections.or;

import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.inventory.Inventory.Router;
import dev.tailgen.core.inventory.InventoryEntries;
import dev.tailgen.core.monitoring.ScrapeTargets;
import dev.tailgen.core.netpol.NetworkPolicyIntents;
import dev.tailgen.core.policy.PolicyPieces;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code subnetRouters[]}: a Connector advertising routes and/or an exit node, or an app connector. */
public final class SubnetRoutersSection implements Section<SubnetRoutersSection.Connector> {
    public static final SubnetRoutersSection INSTANCE = new SubnetRoutersSection();

    private SubnetRoutersSection() {
    }

    /**
     * @param deviceNames  the tailnet device names its replicas get
     * @param appConnector whether it is an app connector (spec.appConnector), with {@code appRoutes} preset
     */
    public record Connector(String pointer, String name, List<String> routes, boolean exitNode, List<String> tags,
            boolean tagsGiven, String hostname, String hostnamePrefix, Integer replicas, String proxyClass,
            List<String> deviceNames, boolean appConnector, List<String> appRoutes) implements Exposed {

        @Override
        public String object() {
            return "Connector " + name;
        }

        String role() {
            if (appConnector) {
                return "app connector";
            }
            return exitNode ? (routes.isEmpty() ? "exit node" : "subnet router, exit node") : "subnet router";
        }

        @Override
        public List<Device> devices() {
            String where = hostname != null ? pointer + "/hostname" : hostnamePrefix != null ? pointer + "/hostnamePrefix" : pointer + "/name";
            String defaultForm = hostname != null || hostnamePrefix != null ? null
                    : deviceNames.size() == 1 ? "<name>-connector" : "<name>-connector-<replica>";
            return deviceNames.stream().map(n -> new Device(n, role(), object(), where, defaultForm)).toList();
        }

        /** Written out at resolve time: the operator's default never reaches a Connector. */
        @Override
        public String classUsed(String defaultClass) {
            return proxyClass;
        }

        @Override
        public List<GeneratedObject> objects() {
            return List.of(new GeneratedObject("Connector", "", name, pointer + "/name"));
        }
    }

    @Override
    public String key() {
        return "subnetRouters";
    }

    @Override
    public String group() {
        return "tailscale-subnet-routers";
    }

    /** The operator's default class never reaches a Connector (op/connector.go:maybeProvisionConnector): see ProxyClassDefaults. */
    @Override
    public List<Connector> resolve(Resolution r) {
        List<Connector> connectors = new ArrayList<>();
        List<TailscaleConfig.SubnetRouter> routers = or(r.config().subnetRouters());
        String connectorDefaultClass = ProxyClassDefaults.connectorDefault(r.config());
        for (int i = 0; i < routers.size(); i++) {
            TailscaleConfig.SubnetRouter c = routers.get(i);
            int replicas = c.replicas() == null ? 1 : c.replicas();
            connectors.add(new Connector("/subnetRouters/" + i, c.name(), c.routes() == null ? List.of() : List.copyOf(c.routes()),
                    Boolean.TRUE.equals(c.exitNode()), Sections.tags(c.tags(), r.install().proxyTags()), c.tags() != null,
                    c.hostname(), c.hostnamePrefix(), c.replicas(), c.proxyClass() != null ? c.proxyClass() : connectorDefaultClass,
                    deviceNames(c, replicas), c.appConnector() != null,
                    c.appConnector() == null || c.appConnector().routes() == null ? List.of() : List.copyOf(c.appConnector().routes())));
        }
        return connectors;
    }

    /** The operator names replicas {@code <prefix>-<i>}; a single Connector defaults to {@code <name>-connector}. */
    private static List<String> deviceNames(TailscaleConfig.SubnetRouter r, int replicas) {
        if (r.hostname() != null) {
            return List.of(r.hostname());
        }
        String prefix = or(r.hostnamePrefix(), r.name() + "-connector");
        if (replicas == 1 && r.hostnamePrefix() == null) {
            return List.of(prefix);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            names.add(prefix + "-" + i);
        }
        return names;
    }

    @Override
    public List<TemplateCall> templates(Connector c) {
        Map<String, Object> spec = new TreeMap<>();
        if (!c.routes().isEmpty()) {
            spec.put("subnetRouter", Map.of("advertiseRoutes", c.routes()));
        }
        if (c.exitNode()) {
            spec.put("exitNode", true);
        }
        if (c.appConnector()) {
            spec.put("appConnector", c.appRoutes().isEmpty() ? Map.of() : Map.of("routes", c.appRoutes()));
        }
        if (c.tagsGiven()) {
            spec.put("tags", c.tags());
        }
        ExposureTemplates.putIfSet(spec, "hostname", c.hostname());
        ExposureTemplates.putIfSet(spec, "hostnamePrefix", c.hostnamePrefix());
        ExposureTemplates.putIfSet(spec, "replicas", c.replicas());
        ExposureTemplates.putIfSet(spec, "proxyClass", c.proxyClass());
        return List.of(ExposureTemplates.call("exposure/connector.yaml.j2", "con",
                Map.of("name", c.name(), "labels", ExposureTemplates.managedLabels(), "spec", spec)));
    }

    /**
     * Routes without host bits (the operator and the tailnet would reject or rewrite them); an app
     * connector is neither subnet router nor exit node (the Connector CRD's CEL rule refuses them together).
     */
    @Override
    public void check(Connector c, Exposure exposure, ExposureChecks.Problems problems) {
        if (c.appConnector() && (!c.routes().isEmpty() || c.exitNode())) {
            problems.add(c.pointer() + "/appConnector", "appConnector excludes " + (c.routes().isEmpty() ? "exitNode"
                    : c.exitNode() ? "routes and exitNode" : "routes") + " (the Connector CRD refuses them together); keep the app"
                    + " connector here and make a second subnetRouters entry for the "
                    + (c.routes().isEmpty() ? "exit node" : c.exitNode() ? "routes and the exit node" : "routes"));
        }
        List<String> appRoutes = c.appRoutes();
        for (int i = 0; i < appRoutes.size(); i++) {
            if (Cidr.hasHostBits(appRoutes.get(i))) {
                problems.add(c.pointer() + "/appConnector/routes/" + i, "route " + appRoutes.get(i) + " has host bits set; write the"
                        + " network address: " + Cidr.canonical(appRoutes.get(i)));
            }
        }
        for (int i = 0; i < c.routes().size(); i++) {
            String route = c.routes().get(i);
            if (Cidr.hasHostBits(route)) {
                problems.add(c.pointer() + "/routes/" + i, "route " + route + " has host bits set; write the network address: "
                        + Cidr.canonical(route));
            }
        }
    }

    /** A Connector without a class does not get a default class that requests a TUN device: it likely needs one too. */
    @Override
    public List<String> warnings(Connector c, Exposure exposure) {
        if (c.proxyClass() != null) {
            return List.of();
        }
        return exposure.proxyClasses().find(exposure.defaultProxyClass()).filter(pc -> pc.tunResource() != null)
                .map(pc -> List.of(ConfigPath.fromPointer(c.pointer()) + " (" + c.object() + ") names no proxyClass, and the operator"
                        + " never gives Connectors the default class " + pc.name() + ": its pod gets no TUN device (" + pc.tunResource()
                        + "); set proxyClass: " + pc.name()))
                .orElse(List.of());
    }

    @Override
    public void inventory(Connector c, InventoryEntries entries) {
        List<String> routes = new ArrayList<>(c.routes());
        c.appRoutes().forEach(r -> routes.add(r + " (app connector)"));
        if (c.appConnector() && c.appRoutes().isEmpty()) {
            routes.add("app connector: the domains of acl.appConnectors");
        }
        entries.router(new Router(c.object(), c.deviceNames().stream().map(entries::dns).toList(), routes, c.exitNode(), c.tags()));
    }

    @Override
    public void policy(Connector c, PolicyPieces pieces) {
        c.routes().forEach(route -> pieces.approveRoute(route, c.tags()));
        c.appRoutes().forEach(route -> pieces.approveRoute(route, c.tags()));
        if (c.exitNode()) {
            pieces.approveExitNode(c.tags());
        }
    }

    @Override
    public void networkPolicy(Connector c, NetworkPolicyIntents intents) {
        List<String> routes = new ArrayList<>(c.routes());
        routes.addAll(c.appRoutes());
        intents.connector(c.name(), routes, c.exitNode() || c.appConnector()); // an app connector reaches its domains' addresses: the world
    }

    @Override
    public String scraped(Connector c, ScrapeTargets targets) {
        return targets.proxy(String.join(", ", c.deviceNames()), c.object(), c.proxyClass());
    }
}
