package dev.tailgen.core.exposure;

import static dev.tailgen.core.exposure.Sections.or;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.inventory.EndpointUrls;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.inventory.Inventory.ProxyGroupEntry;
import dev.tailgen.core.inventory.InventoryEntries;
import dev.tailgen.core.monitoring.ScrapeTargets;
import dev.tailgen.core.netpol.NetworkPolicyIntents;
import dev.tailgen.core.policy.PolicyPieces;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code proxyGroups[]}: ProxyGroup objects (api/types_proxygroup.go). An ingress group serves the
 * Services and Ingresses that name it as Tailscale Services, an egress group carries egress targets,
 * a kube-apiserver group is an HA API server proxy behind its own Tailscale Service. It resolves
 * first, so the sections that name a group read it.
 */
public final class ProxyGroupsSection implements Section<ProxyGroupsSection.Group> {
    public static final ProxyGroupsSection INSTANCE = new ProxyGroupsSection();
    public static final String INGRESS = "ingress";
    public static final String EGRESS = "egress";
    public static final String KUBE_APISERVER = "kube-apiserver";
    /** The ServiceAccount the chart renders for auth-mode API server proxies (op/proxygroup.go: authAPIServerProxySAName). */
    static final String AUTH_PROXY_SERVICE_ACCOUNT = "kube-apiserver-auth-proxy";
    /** The operator's default replica count (api/types_proxygroup.go), written out. */
    static final int DEFAULT_REPLICAS = 2;
    private static final String SERVICE_PREFIX = "svc:";

    private ProxyGroupsSection() {
    }

    /**
     * @param deviceNames  its replicas' tailnet devices, {@code <hostnamePrefix|name>-<i>} (op/proxygroup_specs.go:pgHostname)
     * @param tagsGiven    whether the config sets the tags (only then is spec.tags written)
     * @param proxyClass   its own class, or null for the default
     * @param apiServerMode for type kube-apiserver: auth or noauth; else null
     * @param serviceHost  for type kube-apiserver: the Tailscale Service's name without {@code svc:}; else null
     */
    public record Group(String pointer, String name, String type, int replicas, String hostnamePrefix, List<String> tags,
            boolean tagsGiven, String proxyClass, String apiServerMode, String serviceHost, boolean kubeApiServerGiven,
            List<String> deviceNames) implements Exposed {

        @Override
        public String object() {
            return "ProxyGroup " + name;
        }

        String role() {
            return switch (type) {
                case INGRESS -> "ingress ProxyGroup replica";
                case EGRESS -> "egress ProxyGroup replica";
                default -> "API server proxy replica";
            };
        }

        public boolean isApiServerProxy() {
            return KUBE_APISERVER.equals(type);
        }

        @Override
        public List<Device> devices() {
            String where = hostnamePrefix != null ? pointer + "/hostnamePrefix" : pointer + "/name";
            return deviceNames.stream().map(n -> new Device(n, role(), object(), where, hostnamePrefix == null ? "<name>-<replica>" : null))
                    .toList();
        }

        /** spec.proxyClass, else PROXY_DEFAULT_CLASS (op/proxygroup.go:reconcilePG). */
        @Override
        public String classUsed(String defaultClass) {
            return proxyClass != null ? proxyClass : defaultClass.isEmpty() ? null : defaultClass;
        }

        @Override
        public List<GeneratedObject> objects() {
            return List.of(new GeneratedObject("ProxyGroup", "", name, pointer + "/name"));
        }

        @Override
        public List<String> tailscaleServices() {
            return serviceHost == null ? List.of() : List.of(tailscaleService(serviceHost));
        }
    }

    @Override
    public String key() {
        return "proxyGroups";
    }

    @Override
    public String group() {
        return "tailscale-proxy-groups";
    }

    @Override
    public List<Group> resolve(Resolution r) {
        List<Group> groups = new ArrayList<>();
        List<TailscaleConfig.ProxyGroup> in = or(r.config().proxyGroups());
        for (int i = 0; i < in.size(); i++) {
            TailscaleConfig.ProxyGroup g = in.get(i);
            int replicas = g.replicas() == null ? DEFAULT_REPLICAS : g.replicas();
            String prefix = or(g.hostnamePrefix(), g.name());
            List<String> devices = new ArrayList<>();
            for (int n = 0; n < replicas; n++) {
                devices.add(prefix + "-" + n);
            }
            boolean apiServer = KUBE_APISERVER.equals(g.type());
            TailscaleConfig.KubeApiServer k = g.kubeAPIServer();
            groups.add(new Group("/proxyGroups/" + i, g.name(), g.type(), replicas, g.hostnamePrefix(),
                    Sections.tags(g.tags(), r.install().proxyTags()), g.tags() != null, g.proxyClass(),
                    apiServer ? (k == null || k.mode() == null ? "auth" : k.mode()) : null,
                    apiServer ? (k == null || k.hostname() == null ? g.name() : k.hostname()) : null, k != null, List.copyOf(devices)));
        }
        return groups;
    }

    @Override
    public List<TemplateCall> templates(Group g) {
        Map<String, Object> spec = new TreeMap<>();
        spec.put("type", g.type());
        spec.put("replicas", g.replicas());
        ExposureTemplates.putIfSet(spec, "hostnamePrefix", g.hostnamePrefix());
        if (g.tagsGiven()) {
            spec.put("tags", g.tags());
        }
        ExposureTemplates.putIfSet(spec, "proxyClass", g.proxyClass());
        if (g.isApiServerProxy()) {
            Map<String, Object> apiServer = new TreeMap<>();
            apiServer.put("mode", g.apiServerMode());
            apiServer.put("hostname", g.serviceHost());
            spec.put("kubeAPIServer", apiServer);
        }
        return List.of(ExposureTemplates.call("exposure/proxygroup.yaml.j2", "pg",
                Map.of("name", g.name(), "labels", ExposureTemplates.managedLabels(), "spec", spec)));
    }

    /**
     * The operator's own validation (op/proxygroup.go:validate), before deploy: an auth-mode API server
     * proxy needs the chart's impersonation RBAC and a class without a tailscale image or init container;
     * no other group may be named like that RBAC's ServiceAccount.
     */
    @Override
    public void check(Group g, Exposure exposure, ExposureChecks.Problems problems) {
        if (!g.isApiServerProxy()) {
            if (g.kubeApiServerGiven()) {
                problems.add(g.pointer() + "/kubeAPIServer", "kubeAPIServer applies to type kube-apiserver only (this group is type "
                        + g.type() + "); remove it, or set type: kube-apiserver");
            }
        } else {
            if (g.apiServerMode().equals("auth") && !exposure.impersonationRbac()) {
                problems.add(g.kubeApiServerGiven() ? g.pointer() + "/kubeAPIServer" : g.pointer(),
                        "ProxyGroup " + g.name() + " is an API server proxy in auth mode, which impersonates callers through ServiceAccount "
                                + AUTH_PROXY_SERVICE_ACCOUNT + ", but the operator install renders no impersonation RBAC; set"
                                + " apiServerProxy.allowImpersonation: true (or apiServerProxy.mode: \"true\"), or kubeAPIServer.mode: noauth");
            }
            String className = g.classUsed(exposure.defaultProxyClass());
            exposure.proxyClasses().find(className).ifPresent(pc -> {
                String refused = pc.refusedByApiServerProxy();
                if (refused != null) {
                    boolean own = g.proxyClass() != null;
                    problems.add(own ? g.pointer() + "/proxyClass" : g.pointer(), "ProxyClass " + pc.name()
                            + (own ? "" : " (the default class, which this group takes)") + " " + refused + ", but a kube-apiserver"
                            + " ProxyGroup runs the k8s-proxy image without an init container, so the operator refuses it; "
                            + (own ? "name a class without either" : "give the group a proxyClass of its own without either"));
                }
            });
        }
        if (g.name().equals(AUTH_PROXY_SERVICE_ACCOUNT) && !(g.isApiServerProxy() && g.apiServerMode().equals("auth"))) {
            problems.add(g.pointer() + "/name", "ProxyGroup name " + g.name() + " is the ServiceAccount of the auth-mode API server"
                    + " proxy, which the group's own ServiceAccount would replace; choose another name");
        }
    }

    /** A group named by {@code pointer}'s proxyGroup must exist and be of the type its use needs. */
    static void checkUse(String pointer, String groupName, String wantedType, String use, Exposure exposure,
            ExposureChecks.Problems problems) {
        Optional<Group> found = find(exposure.of(INSTANCE), groupName);
        if (found.isEmpty()) {
            List<String> names = exposure.of(INSTANCE).stream().filter(g -> g.type().equals(wantedType)).map(Group::name).toList();
            problems.add(pointer + "/proxyGroup", "ProxyGroup \"" + groupName + "\" is not defined in proxyGroups; "
                    + (names.isEmpty() ? "add one of type " + wantedType : "use one of type " + wantedType + ": " + String.join(", ", names)));
        } else if (!found.get().type().equals(wantedType)) {
            problems.add(pointer + "/proxyGroup", "ProxyGroup " + groupName + " (" + problems.describe(found.get().pointer())
                    + ") is of type " + found.get().type() + ", but " + use + " needs a group of type " + wantedType);
        }
    }

    /**
     * An item an ingress group serves (a Service, an Ingress, a gateway's data plane Service): the group
     * exists and is of type ingress; its own proxyClass would be ignored (the group's class applies).
     */
    static void checkServed(Exposed item, String proxyClass, Exposure exposure, ExposureChecks.Problems problems) {
        checkUse(item.pointer(), item.proxyGroup(), INGRESS, item.object(), exposure, problems);
        if (proxyClass != null) {
            problems.add(item.pointer() + "/proxyClass", item.object() + " is served by ProxyGroup " + item.proxyGroup()
                    + ", whose proxyClass applies (the operator ignores the item's own); remove proxyClass here, or set it on the group");
        }
    }

    /** A Tailscale Service's name: {@code svc:<host>}, its MagicDNS name {@code <host>.<tailnet>} (op/svc-for-pg.go, op/ingress-for-pg.go). */
    static String tailscaleService(String host) {
        return SERVICE_PREFIX + host;
    }

    /** The host part of a Tailscale Service's name. */
    static String serviceHost(String tailscaleService) {
        return tailscaleService.substring(SERVICE_PREFIX.length());
    }

    /** The group's replica device names, or none when it is not defined. */
    static List<String> deviceNames(Resolution r, String groupName) {
        return find(r.of(INSTANCE), groupName).map(Group::deviceNames).orElse(List.of());
    }

    /** The group's device tags, or none when it is not defined (a check reports that). */
    static List<String> deviceTags(Resolution r, String groupName) {
        return find(r.of(INSTANCE), groupName).map(Group::tags).orElse(List.of());
    }

    private static Optional<Group> find(List<Group> groups, String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    @Override
    public void inventory(Group g, InventoryEntries entries) {
        entries.proxyGroup(new ProxyGroupEntry(g.object(), g.type(), g.deviceNames().stream().map(entries::dns).toList(), g.tags(),
                List.of()));
        if (g.isApiServerProxy()) {
            String dns = entries.dns(g.serviceHost());
            entries.endpoint(new Endpoint("API server", g.object(), g.serviceHost(), dns, List.of(EndpointUrls.https(dns)), g.tags(),
                    List.of(443), "the Kubernetes API server (" + g.apiServerMode() + " mode)", null, null,
                    g.name()));
        }
    }

    /** An API server proxy's Tailscale Service carries the group's tags (op/api-server-proxy-pg.go:maybeProvision). */
    @Override
    public void policy(Group g, PolicyPieces pieces) {
        if (g.isApiServerProxy()) {
            pieces.approveService(g.tags(), g.tags());
        }
    }

    @Override
    public void networkPolicy(Group g, NetworkPolicyIntents intents) {
        intents.proxyGroup(g.name(), g.type());
    }

    @Override
    public String scraped(Group g, ScrapeTargets targets) {
        return targets.proxy(String.join(", ", g.deviceNames()), g.object(), g.classUsed(targets.defaultClass()));
    }
}
