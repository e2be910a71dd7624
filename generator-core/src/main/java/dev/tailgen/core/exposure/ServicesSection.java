package dev.tailgen.core.exposure;

import static dev.tailgen.core.exposure.Sections.or;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.inventory.EndpointUrls;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.inventory.InventoryEntries;
import dev.tailgen.core.monitoring.ScrapeTargets;
import dev.tailgen.core.netpol.NetworkPolicyIntents;
import dev.tailgen.core.output.OutputLayout;
import dev.tailgen.core.policy.PolicyPieces;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code services[]}: a Service the operator exposes through an L4 proxy, and its optional public NodePort twin. */
public final class ServicesSection implements Section<ServicesSection.ExposedService> {
    public static final ServicesSection INSTANCE = new ServicesSection();

    private ServicesSection() {
    }

    /**
     * @param tags          the tags the device gets: the item's, else the proxies' default
     * @param tagsGiven     whether the item set its own tags (only then is the annotation written)
     * @param hostnameGiven whether the config sets the hostname (else the operator's default form)
     * @param adopt         another tool owns the Service: we write a patch for it, not the Service
     * @param proxyGroup    the ingress ProxyGroup serving it as Tailscale Service svc:&lt;hostname&gt;, or null for its own proxy
     * @param groupTags     that group's device tags (they must be approved for the Tailscale Service's tags)
     */
    public record ExposedService(String pointer, String name, String namespace, String hostname, boolean hostnameGiven,
            List<String> tags, boolean tagsGiven, Map<String, String> selector, List<Port> ports, boolean loadBalancer,
            String proxyClass, String publicName, Integer publicNodePort, boolean adopt, String proxyGroup, List<String> groupTags)
            implements Exposed {

        @Override
        public String object() {
            return "Service " + namespace + "/" + name + (adopt ? " (adopted)" : "");
        }

        @Override
        public List<Device> devices() {
            if (proxyGroup != null) {
                return List.of();
            }
            return List.of(new Device(hostname, "service proxy", object(), hostnameGiven ? pointer + "/hostname" : pointer,
                    hostnameGiven ? null : "<namespace>-<name>"));
        }

        @Override
        public List<String> tailscaleServices() {
            return proxyGroup == null ? List.of() : List.of(ProxyGroupsSection.tailscaleService(hostname));
        }

        /** None of its own when a ProxyGroup serves it: the group's class applies. */
        @Override
        public String classUsed(String defaultClass) {
            if (proxyGroup != null) {
                return null;
            }
            return proxyClass != null ? proxyClass : defaultClass.isEmpty() ? null : defaultClass;
        }

        @Override
        public List<GeneratedObject> objects() {
            List<GeneratedObject> out = new ArrayList<>();
            out.add(new GeneratedObject("Service", namespace, name, pointer + "/name", adopt));
            if (publicName != null) {
                out.add(new GeneratedObject("Service", namespace, publicName, pointer + "/public/name"));
            }
            return out;
        }
    }

    @Override
    public String key() {
        return "services";
    }

    @Override
    public String group() {
        return "tailscale-services";
    }

    @Override
    public List<ExposedService> resolve(Resolution r) {
        List<ExposedService> services = new ArrayList<>();
        List<TailscaleConfig.Service> in = or(r.config().services());
        for (int i = 0; i < in.size(); i++) {
            TailscaleConfig.Service s = in.get(i);
            String ns = or(s.namespace(), "default");
            List<Port> ports = new ArrayList<>();
            for (TailscaleConfig.ServicePort p : s.ports()) {
                Object target = p.targetPort() == null || p.targetPort().isNull() ? p.port() : Sections.portValue(p.targetPort());
                ports.add(new Port(p.name(), p.port(), target, or(p.protocol(), "TCP"), null));
            }
            services.add(new ExposedService("/services/" + i, s.name(), ns, or(s.hostname(), ns + "-" + s.name()), s.hostname() != null,
                    Sections.tags(s.tags(), r.install().proxyTags()), s.tags() != null, new TreeMap<>(s.selector()), ports,
                    "LoadBalancer".equals(s.type()), s.proxyClass(),
                    s.publicTwin() == null ? null : s.publicTwin().name(), s.publicTwin() == null ? null : s.publicTwin().nodePort(),
                    Boolean.TRUE.equals(s.adopt()), s.proxyGroup(), ProxyGroupsSection.deviceTags(r, s.proxyGroup())));
        }
        return services;
    }

    /** The annotations the operator reads on an exposed Service (op/svc.go, op/sts.go; op/svc-for-pg.go for proxy-group). */
    private static Map<String, String> operatorAnnotations(ExposedService s) {
        Map<String, String> annotations = new TreeMap<>();
        if (!s.loadBalancer()) {
            annotations.put("tailscale.com/expose", "true");
        }
        annotations.put("tailscale.com/hostname", s.hostname());
        if (s.tagsGiven()) {
            annotations.put("tailscale.com/tags", String.join(",", s.tags()));
        }
        ExposureTemplates.putIfSet(annotations, ExposureTemplates.PROXY_GROUP_ANNOTATION, s.proxyGroup());
        return annotations;
    }

    @Override
    public List<TemplateCall> templates(ExposedService s) {
        Map<String, Object> svc = ExposureTemplates.exposedObject(s.name(), s.namespace(), s.proxyClass());
        svc.put("annotations", operatorAnnotations(s));
        svc.put("type", s.loadBalancer() ? "LoadBalancer" : "ClusterIP");
        svc.put("loadBalancer", s.loadBalancer());
        svc.put("selector", s.selector());
        svc.put("ports", ExposureTemplates.ports(s.ports(), true, null));
        List<TemplateCall> out = new ArrayList<>();
        if (!s.adopt()) {
            out.add(ExposureTemplates.call("exposure/service.yaml.j2", "svc", svc));
        }
        if (s.publicName() != null) {
            svc.put("publicName", s.publicName());
            svc.put("publicLabels", ExposureTemplates.managedLabels());
            svc.put("publicPorts", ExposureTemplates.ports(s.ports(), true, s.publicNodePort()));
            out.add(ExposureTemplates.call("exposure/public-service.yaml.j2", "svc", svc));
        }
        return out;
    }

    @Override
    public List<TemplateCall> patches(ExposedService s) {
        if (!s.adopt()) {
            return List.of();
        }
        Map<String, Object> p = ExposureTemplates.patchTarget(s.name(), s.namespace(), s.proxyClass());
        p.put("annotations", operatorAnnotations(s));
        p.put("loadBalancer", s.loadBalancer());
        return List.of(ExposureTemplates.call("exposure/service-patch.yaml.j2", "p", p));
    }

    /** A fixed nodePort only for one port; no userspace class (an L4 proxy exits in userspace mode). */
    @Override
    public void check(ExposedService s, Exposure exposure, ExposureChecks.Problems problems) {
        if (s.proxyGroup() != null) {
            ProxyGroupsSection.checkServed(s, s.proxyClass(), exposure, problems);
        } else {
            refuseUserspaceL4(s, s.object(), s.proxyClass(), exposure, problems);
        }
        if (s.publicNodePort() != null && s.ports().size() != 1) {
            problems.add(s.pointer() + "/public/nodePort", "a fixed nodePort needs a service with exactly one port (this one has "
                    + s.ports().size() + "); remove nodePort and let Kubernetes pick one per port");
        }
    }

    /** An L4 proxy (a Service's, a gateway's data plane Service's) forwards with TS_DEST_IP, which userspace mode lacks. */
    static void refuseUserspaceL4(Exposed item, String object, String proxyClass, Exposure exposure, ExposureChecks.Problems problems) {
        exposure.proxyClasses().find(item.classUsed(exposure.defaultProxyClass())).filter(ProxyClasses.ProxyClassSpec::userspace)
                .ifPresent(pc -> problems.add(proxyClass != null ? item.pointer() + "/proxyClass" : "/proxies/defaultProxyClass",
                        ProxyClasses.userspaceRefused(pc.name(), "the L4 proxy of " + object
                                + (proxyClass != null ? "" : " (" + problems.describe(item.pointer()) + ", which takes the default class)"),
                                "TS_DEST_IP", proxyClass != null ? "give it a class in kernel mode" : "make a class in kernel mode the default")));
    }

    @Override
    public void inventory(ExposedService s, InventoryEntries entries) {
        String dns = entries.dns(s.hostname());
        List<String> urls = s.ports().stream().map(p -> EndpointUrls.forPort(dns, p)).toList();
        String twin = s.publicName() == null ? null : "NodePort Service " + s.namespace() + "/" + s.publicName()
                + (s.publicNodePort() == null ? " (node port allocated by Kubernetes)" : " on node port " + s.publicNodePort());
        List<String> forwards = new ArrayList<>();
        for (Port p : s.ports()) {
            forwards.add(p.port() + " -> " + p.targetPort() + (p.protocol().equals("TCP") ? "" : "/" + p.protocol()));
        }
        entries.endpoint(new Endpoint("Service", s.object(), s.hostname(), dns, urls, s.tags(),
                s.ports().stream().map(Port::port).toList(), "ports " + String.join(", ", forwards), twin,
                s.adopt() ? OutputLayout.PATCHES + OutputLayout.patchFile("Service", s.namespace(), s.name()) : null,
                s.proxyGroup()));
    }

    @Override
    public void policy(ExposedService s, PolicyPieces pieces) {
        if (s.proxyGroup() != null) {
            pieces.approveService(s.tags(), s.groupTags());
        }
    }

    @Override
    public void networkPolicy(ExposedService s, NetworkPolicyIntents intents) {
        intents.backend("svc", s.name(), s.namespace(), s.proxyGroup(), s.selector(),
                s.ports().stream().map(p -> new NetworkPolicyIntents.TargetPort(p.targetPort(), p.protocol())).toList(),
                s.publicName() != null);
    }

    @Override
    public String scraped(ExposedService s, ScrapeTargets targets) {
        if (s.proxyGroup() != null) {
            return targets.servedByGroup(s.object(), s.proxyGroup());
        }
        return targets.proxy(targets.dns(s.hostname()), s.object(), s.proxyClass() == null ? targets.defaultClass() : s.proxyClass());
    }
}
