package dev.tailgen.core.exposure;

import static dev.tailgen.core.exposure.Sections.or;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.exposure.ServicesSection.ExposedService;
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
import java.util.StringJoiner;
import java.util.TreeMap;

/** {@code ingresses[]}: an Ingress of the tailscale IngressClass, served over HTTPS with a ts.net certificate (optionally Funnel). */
public final class IngressesSection implements Section<IngressesSection.ExposedIngress> {
    public static final IngressesSection INSTANCE = new IngressesSection();

    private IngressesSection() {
    }

    /**
     * @param backendSelector   pod selector of the backend Service (from services[] or backend.selector), or null if unknown
     * @param backendTargetPort the container port behind the backend port (from services[], backend.targetPort, else the port)
     * @param proxyGroup        the ingress ProxyGroup serving it as Tailscale Service svc:&lt;hostname&gt;, or null for its own proxy
     * @param groupTags         that group's device tags
     */
    public record ExposedIngress(String pointer, String name, String namespace, String hostname, boolean hostnameGiven,
            String ingressClassName, String backendService, Object backendPort, List<String> paths, boolean funnel,
            boolean httpRedirect, List<String> tags, boolean tagsGiven, String proxyClass, Map<String, String> backendSelector,
            Object backendTargetPort, boolean adopt, String proxyGroup, List<String> groupTags) implements Exposed {

        @Override
        public String object() {
            return "Ingress " + namespace + "/" + name + (adopt ? " (adopted)" : "");
        }

        @Override
        public List<Device> devices() {
            if (proxyGroup != null) {
                return List.of();
            }
            return List.of(new Device(hostname, "ingress proxy", object(), hostnameGiven ? pointer + "/hostname" : pointer,
                    hostnameGiven ? null : "<namespace>-<name>-ingress"));
        }

        /** The first label of tls[0].hosts[0] names it (op/ingress-for-pg.go:maybeProvision). */
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
            return List.of(new GeneratedObject("Ingress", namespace, name, pointer + "/name", adopt));
        }
    }

    @Override
    public String key() {
        return "ingresses";
    }

    @Override
    public String group() {
        return "tailscale-ingresses";
    }

    @Override
    public List<ExposedIngress> resolve(Resolution r) {
        List<ExposedService> services = r.of(ServicesSection.INSTANCE);
        TailscaleConfig c = r.config();
        String className = c.ingressClass() == null ? "tailscale" : or(c.ingressClass().name(), "tailscale");
        List<ExposedIngress> ingresses = new ArrayList<>();
        List<TailscaleConfig.Ingress> in = or(c.ingresses());
        for (int i = 0; i < in.size(); i++) {
            TailscaleConfig.Ingress g = in.get(i);
            String ns = or(g.namespace(), "default");
            Object backendPort = Sections.portValue(g.backend().port());
            ExposedService known = backendService(services, ns, g.backend().service());
            Map<String, String> selector = g.backend().selector() != null ? new TreeMap<>(g.backend().selector())
                    : known == null ? null : known.selector();
            Object targetPort = g.backend().targetPort() != null ? Sections.portValue(g.backend().targetPort())
                    : known == null ? backendPort : targetOf(known, backendPort);
            ingresses.add(new ExposedIngress("/ingresses/" + i, g.name(), ns, or(g.hostname(), ns + "-" + g.name() + "-ingress"),
                    g.hostname() != null, className, g.backend().service(), backendPort,
                    g.paths() == null ? List.of("/") : List.copyOf(g.paths()), Boolean.TRUE.equals(g.funnel()),
                    Boolean.TRUE.equals(g.httpRedirect()), Sections.tags(g.tags(), r.install().proxyTags()), g.tags() != null,
                    g.proxyClass(), selector, targetPort, Boolean.TRUE.equals(g.adopt()), g.proxyGroup(),
                    ProxyGroupsSection.deviceTags(r, g.proxyGroup())));
        }
        return ingresses;
    }

    /** The Service of services[] an Ingress in {@code namespace} sends to: by name or public-twin name; null if not in the config. */
    static ExposedService backendService(List<ExposedService> services, String namespace, String name) {
        return services.stream().filter(s -> s.namespace().equals(namespace)
                && (s.name().equals(name) || name.equals(s.publicName()))).findFirst().orElse(null);
    }

    /** The target port behind a Service port given by number or name; the port itself if no port matches (a check reports that). */
    private static Object targetOf(ExposedService s, Object servicePort) {
        return s.ports().stream().filter(p -> p.isReferencedBy(servicePort)).map(Port::targetPort).findFirst().orElse(servicePort);
    }

    /** The annotations the operator reads on a tailscale Ingress (op/ingress.go; op/ingress-for-pg.go for proxy-group). */
    private static Map<String, String> operatorAnnotations(ExposedIngress g) {
        Map<String, String> annotations = new TreeMap<>();
        if (g.funnel()) {
            annotations.put("tailscale.com/funnel", "true");
        }
        if (g.httpRedirect()) {
            annotations.put("tailscale.com/http-redirect", "true");
        }
        if (g.tagsGiven()) {
            annotations.put("tailscale.com/tags", String.join(",", g.tags()));
        }
        ExposureTemplates.putIfSet(annotations, ExposureTemplates.PROXY_GROUP_ANNOTATION, g.proxyGroup());
        return annotations;
    }

    @Override
    public List<TemplateCall> patches(ExposedIngress g) {
        if (!g.adopt()) {
            return List.of();
        }
        Map<String, Object> p = ExposureTemplates.patchTarget(g.name(), g.namespace(), g.proxyClass());
        Map<String, String> annotations = operatorAnnotations(g);
        p.put("annotations", annotations);
        p.put("hasAnnotations", !annotations.isEmpty());
        p.put("ingressClassName", g.ingressClassName());
        p.put("hostname", g.hostname());
        return List.of(ExposureTemplates.call("exposure/ingress-patch.yaml.j2", "p", p));
    }

    @Override
    public List<TemplateCall> templates(ExposedIngress g) {
        if (g.adopt()) {
            return List.of();
        }
        Map<String, Object> ing = ExposureTemplates.exposedObject(g.name(), g.namespace(), g.proxyClass());
        ing.put("annotations", operatorAnnotations(g));
        ing.put("ingressClassName", g.ingressClassName());
        ing.put("hostname", g.hostname());
        Map<String, Object> port = g.backendPort() instanceof Integer n ? Map.of("number", n) : Map.of("name", g.backendPort());
        List<Map<String, Object>> paths = new ArrayList<>();
        for (String path : g.paths()) {
            paths.add(Map.of("path", path, "pathType", "Prefix",
                    "backend", Map.of("service", Map.of("name", g.backendService(), "port", port))));
        }
        ing.put("paths", paths);
        return List.of(ExposureTemplates.call("exposure/ingress.yaml.j2", "ing", ing));
    }

    /** A backend in services[] must have the port the Ingress names; a group Ingress cannot use Funnel (op/ingress-for-pg.go ignores it). */
    @Override
    public void check(ExposedIngress g, Exposure exposure, ExposureChecks.Problems problems) {
        if (g.proxyGroup() != null) {
            ProxyGroupsSection.checkServed(g, g.proxyClass(), exposure, problems);
            if (g.funnel()) {
                problems.add(g.pointer() + "/funnel", g.object() + " is served by ProxyGroup " + g.proxyGroup() + ", and the operator"
                        + " ignores tailscale.com/funnel on ProxyGroup Ingresses, so it would never reach the internet; remove funnel,"
                        + " or remove proxyGroup to give the Ingress its own proxy");
            }
        }
        ExposedService s = backendService(exposure.of(ServicesSection.INSTANCE), g.namespace(), g.backendService());
        if (s != null && s.ports().stream().noneMatch(p -> p.isReferencedBy(g.backendPort()))) {
            StringJoiner ports = new StringJoiner(", ");
            s.ports().forEach(p -> ports.add(p.port() + (p.name() == null ? "" : " (" + p.name() + ")")));
            problems.add(g.pointer() + "/backend/port", "service \"" + g.backendService() + "\" in namespace " + g.namespace()
                    + " (" + problems.describe(s.pointer()) + ") has no port "
                    + (g.backendPort() instanceof Integer ? g.backendPort() : "\"" + g.backendPort() + "\"") + "; its ports: " + ports);
        }
    }

    @Override
    public void inventory(ExposedIngress g, InventoryEntries entries) {
        String dns = entries.dns(g.hostname());
        entries.endpoint(new Endpoint("Ingress", g.object(), g.hostname(), dns, EndpointUrls.forIngress(dns, g.paths()),
                g.tags(), g.httpRedirect() ? List.of(80, 443) : List.of(443),
                "Service " + g.namespace() + "/" + g.backendService() + ":" + g.backendPort(),
                g.funnel() ? "Tailscale Funnel: the same URL from the internet" : null,
                g.adopt() ? OutputLayout.PATCHES + OutputLayout.patchFile("Ingress", g.namespace(), g.name()) : null,
                g.proxyGroup()));
    }

    @Override
    public void policy(ExposedIngress g, PolicyPieces pieces) {
        if (g.funnel()) {
            pieces.funnel(g.tags());
        }
        if (g.proxyGroup() != null) {
            pieces.approveService(g.tags(), g.groupTags());
        }
    }

    @Override
    public void networkPolicy(ExposedIngress g, NetworkPolicyIntents intents) {
        if (g.backendSelector() == null) {
            intents.warning("ingresses: no network policy admits Ingress " + g.namespace() + "/" + g.name() + "'s proxy to Service "
                    + g.backendService() + ": its pod selector is unknown; add the Service to services[] or set backend.selector"
                    + " (and backend.targetPort) on the ingress");
            return;
        }
        intents.backend("ingress", g.name(), g.namespace(), g.proxyGroup(), g.backendSelector(),
                List.of(new NetworkPolicyIntents.TargetPort(g.backendTargetPort(), "TCP")), false);
    }

    @Override
    public String scraped(ExposedIngress g, ScrapeTargets targets) {
        if (g.proxyGroup() != null) {
            return targets.servedByGroup(g.object(), g.proxyGroup());
        }
        return targets.proxy(targets.dns(g.hostname()), g.object(), g.proxyClass() == null ? targets.defaultClass() : g.proxyClass());
    }
}
