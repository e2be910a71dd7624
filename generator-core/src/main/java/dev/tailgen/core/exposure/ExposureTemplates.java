package dev.tailgen.core.exposure;

import dev.tailgen.core.exposure.Exposure.Connector;
import dev.tailgen.core.exposure.Exposure.EgressTarget;
import dev.tailgen.core.exposure.Exposure.ExposedIngress;
import dev.tailgen.core.exposure.Exposure.ExposedService;
import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The exposure sections, one template call per object. Labels, annotations and port lists are
 * computed here (the operator's exact annotation names and string values) and reach the
 * templates as JSON values.
 */
public final class ExposureTemplates {
    public static final String EXPOSED_LABEL = "tailscale.com/exposed";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String PROXY_CLASS_LABEL = "tailscale.com/proxy-class";
    private static final Set<String> BUILT_IN_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    private ExposureTemplates() {
    }

    public static List<TemplateCall> services(Exposure e) {
        List<TemplateCall> out = new ArrayList<>();
        for (ExposedService s : e.services()) {
            Map<String, Object> svc = exposedObject(s.name(), s.namespace(), s.proxyClass());
            Map<String, String> annotations = new TreeMap<>();
            if (!s.loadBalancer()) {
                annotations.put("tailscale.com/expose", "true");
            }
            annotations.put("tailscale.com/hostname", s.hostname());
            if (s.tagsGiven()) {
                annotations.put("tailscale.com/tags", String.join(",", s.tags()));
            }
            svc.put("annotations", annotations);
            svc.put("type", s.loadBalancer() ? "LoadBalancer" : "ClusterIP");
            svc.put("loadBalancer", s.loadBalancer());
            svc.put("selector", s.selector());
            svc.put("ports", ports(s.ports(), true, null));
            out.add(call("exposure/service.yaml.j2", "svc", svc));
            if (s.publicName() != null) {
                svc.put("publicName", s.publicName());
                svc.put("publicLabels", managedLabels());
                svc.put("publicPorts", ports(s.ports(), true, s.publicNodePort()));
                out.add(call("exposure/public-service.yaml.j2", "svc", svc));
            }
        }
        return out;
    }

    public static List<TemplateCall> ingresses(Exposure e) {
        List<TemplateCall> out = new ArrayList<>();
        for (ExposedIngress g : e.ingresses()) {
            Map<String, Object> ing = exposedObject(g.name(), g.namespace(), g.proxyClass());
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
            ing.put("annotations", annotations);
            ing.put("ingressClassName", g.ingressClassName());
            ing.put("hostname", g.hostname());
            Map<String, Object> port = g.backendPort() instanceof Integer n ? Map.of("number", n) : Map.of("name", g.backendPort());
            List<Map<String, Object>> paths = new ArrayList<>();
            for (String path : g.paths()) {
                paths.add(Map.of("path", path, "pathType", "Prefix",
                        "backend", Map.of("service", Map.of("name", g.backendService(), "port", port))));
            }
            ing.put("paths", paths);
            out.add(call("exposure/ingress.yaml.j2", "ing", ing));
        }
        return out;
    }

    public static List<TemplateCall> connectors(Exposure e) {
        List<TemplateCall> out = new ArrayList<>();
        for (Connector c : e.connectors()) {
            Map<String, Object> spec = new TreeMap<>();
            if (!c.routes().isEmpty()) {
                spec.put("subnetRouter", Map.of("advertiseRoutes", c.routes()));
            }
            if (c.exitNode()) {
                spec.put("exitNode", true);
            }
            if (c.tagsGiven()) {
                spec.put("tags", c.tags());
            }
            putIfSet(spec, "hostname", c.hostname());
            putIfSet(spec, "hostnamePrefix", c.hostnamePrefix());
            putIfSet(spec, "replicas", c.replicas());
            putIfSet(spec, "proxyClass", c.proxyClass());
            out.add(call("exposure/connector.yaml.j2", "con", Map.of("name", c.name(), "labels", managedLabels(), "spec", spec)));
        }
        return out;
    }

    public static List<TemplateCall> egress(Exposure e) {
        List<TemplateCall> out = new ArrayList<>();
        for (EgressTarget t : e.egress()) {
            Map<String, Object> egress = new LinkedHashMap<>();
            egress.put("name", t.name());
            egress.put("namespace", t.namespace());
            egress.put("labels", managedLabels());
            egress.put("annotations", t.fqdn() != null ? Map.of("tailscale.com/tailnet-fqdn", t.fqdn()) : Map.of("tailscale.com/tailnet-ip", t.ip()));
            egress.put("hasPorts", !t.ports().isEmpty());
            egress.put("ports", ports(t.ports(), false, null));
            out.add(call("exposure/egress-service.yaml.j2", "egress", egress));
        }
        return out;
    }

    /** The default ProxyClass we render, or nothing. */
    public static List<TemplateCall> proxyClass(Exposure e) {
        Exposure.ProxyClassSpec pc = e.renderedProxyClass();
        if (pc == null) {
            return List.of();
        }
        Map<String, Object> tailscaleContainer = new TreeMap<>();
        tailscaleContainer.put("image", pc.proxyImage());
        if (pc.tunResource() != null) {
            tailscaleContainer.put("resources", Map.of("limits", Map.of(pc.tunResource(), "1")));
        }
        Map<String, Object> pod = new TreeMap<>();
        pod.put("tailscaleContainer", tailscaleContainer);
        pod.put("tailscaleInitContainer", Map.of("image", pc.proxyImage()));
        if (!pc.imagePullSecrets().isEmpty()) {
            pod.put("imagePullSecrets", pc.imagePullSecrets().stream().map(n -> Map.of("name", n)).toList());
        }
        Map<String, Object> spec = new TreeMap<>();
        spec.put("statefulSet", Map.of("pod", pod));
        if (pc.metrics()) {
            Map<String, Object> serviceMonitor = new TreeMap<>();
            serviceMonitor.put("enable", true);
            if (!pc.monitorLabels().isEmpty()) {
                serviceMonitor.put("labels", pc.monitorLabels());
            }
            spec.put("metrics", Map.of("enable", true, "serviceMonitor", serviceMonitor));
        }
        return List.of(call("exposure/proxyclass.yaml.j2", "pc", Map.of("name", pc.name(), "labels", managedLabels(), "spec", spec)));
    }

    /** Namespaces the exposure objects live in, except the built-in ones and those rendered elsewhere. */
    public static List<TemplateCall> namespaces(Exposure e, Set<String> alreadyRendered) {
        Set<String> names = new TreeSet<>();
        e.services().forEach(s -> names.add(s.namespace()));
        e.ingresses().forEach(g -> names.add(g.namespace()));
        e.egress().forEach(t -> names.add(t.namespace()));
        names.removeAll(BUILT_IN_NAMESPACES);
        names.removeAll(alreadyRendered);
        List<TemplateCall> out = new ArrayList<>();
        for (String name : names) {
            out.add(call("exposure/namespace.yaml.j2", "ns", Map.of("name", name, "labels", managedLabels())));
        }
        return out;
    }

    private static TemplateCall call(String template, String key, Map<String, Object> model) {
        return new TemplateCall(template, Map.of(key, model));
    }

    private static List<Map<String, Object>> ports(List<Port> ports, boolean withTarget, Integer nodePort) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Port p : ports) {
            Map<String, Object> m = new TreeMap<>();
            putIfSet(m, "name", p.name());
            m.put("port", p.port());
            m.put("protocol", p.protocol());
            if (withTarget) {
                m.put("targetPort", p.targetPort());
            }
            putIfSet(m, "nodePort", nodePort);
            out.add(m);
        }
        return out;
    }

    /** Name, namespace and the labels every exposed Service and Ingress carries. */
    private static Map<String, Object> exposedObject(String name, String namespace, String proxyClass) {
        Map<String, String> labels = managedLabels();
        labels.put(EXPOSED_LABEL, "true");
        if (proxyClass != null) {
            labels.put(PROXY_CLASS_LABEL, proxyClass);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", name);
        object.put("namespace", namespace);
        object.put("labels", labels);
        return object;
    }

    private static Map<String, String> managedLabels() {
        Map<String, String> labels = new TreeMap<>();
        labels.put(MANAGED_BY_LABEL, Exposure.MANAGED_BY);
        return labels;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
