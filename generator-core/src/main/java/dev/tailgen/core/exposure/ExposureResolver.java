package dev.tailgen.core.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure.Connector;
import dev.tailgen.core.exposure.Exposure.EgressTarget;
import dev.tailgen.core.exposure.Exposure.ExposedIngress;
import dev.tailgen.core.exposure.Exposure.ExposedService;
import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.operator.OperatorInstall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Resolves the operator's defaults for every exposure item, writing them out explicitly. */
public final class ExposureResolver {

    public Exposure resolve(TailscaleConfig c, OperatorInstall install) {
        TailscaleConfig.Proxies proxies = c.proxies();
        String defaultClass = ProxyClassDefaults.defaultClass(c);
        List<String> proxyTags = install.proxyTags();

        List<ExposedService> services = new ArrayList<>();
        List<TailscaleConfig.Service> inServices = or(c.services());
        for (int i = 0; i < inServices.size(); i++) {
            TailscaleConfig.Service s = inServices.get(i);
            String ns = or(s.namespace(), "default");
            List<Port> ports = new ArrayList<>();
            Integer nodePort = s.publicTwin() == null ? null : s.publicTwin().nodePort();
            for (TailscaleConfig.ServicePort p : s.ports()) {
                ports.add(new Port(p.name(), p.port(), targetPort(p.targetPort(), p.port()), or(p.protocol(), "TCP"), null));
            }
            services.add(new ExposedService("/services/" + i, s.name(), ns, or(s.hostname(), ns + "-" + s.name()),
                    tags(s.tags(), proxyTags), s.tags() != null, new TreeMap<>(s.selector()), ports,
                    "LoadBalancer".equals(s.type()), s.proxyClass(),
                    s.publicTwin() == null ? null : s.publicTwin().name(), nodePort));
        }

        List<ExposedIngress> ingresses = new ArrayList<>();
        List<TailscaleConfig.Ingress> inIngresses = or(c.ingresses());
        String className = c.ingressClass() == null ? "tailscale" : or(c.ingressClass().name(), "tailscale");
        for (int i = 0; i < inIngresses.size(); i++) {
            TailscaleConfig.Ingress g = inIngresses.get(i);
            String ns = or(g.namespace(), "default");
            Object backendPort = portValue(g.backend().port());
            ExposedService known = Exposure.backendService(services, ns, g.backend().service());
            Map<String, String> selector = g.backend().selector() != null ? new TreeMap<>(g.backend().selector())
                    : known == null ? null : known.selector();
            Object targetPort = g.backend().targetPort() != null ? portValue(g.backend().targetPort())
                    : known == null ? backendPort : targetOf(known, backendPort);
            ingresses.add(new ExposedIngress("/ingresses/" + i, g.name(), ns, or(g.hostname(), ns + "-" + g.name() + "-ingress"),
                    className, g.backend().service(), backendPort, g.paths() == null ? List.of("/") : List.copyOf(g.paths()),
                    Boolean.TRUE.equals(g.funnel()), Boolean.TRUE.equals(g.httpRedirect()),
                    tags(g.tags(), proxyTags), g.tags() != null, g.proxyClass(), selector, targetPort));
        }

        List<Connector> connectors = new ArrayList<>();
        List<TailscaleConfig.SubnetRouter> routers = or(c.subnetRouters());
        String connectorDefaultClass = defaultClass.isEmpty() ? null : defaultClass;
        for (int i = 0; i < routers.size(); i++) {
            TailscaleConfig.SubnetRouter r = routers.get(i);
            int replicas = r.replicas() == null ? 1 : r.replicas();
            connectors.add(new Connector("/subnetRouters/" + i, r.name(), r.routes() == null ? List.of() : List.copyOf(r.routes()),
                    Boolean.TRUE.equals(r.exitNode()), tags(r.tags(), proxyTags), r.tags() != null,
                    r.hostname(), r.hostnamePrefix(), r.replicas(), r.proxyClass() != null ? r.proxyClass() : connectorDefaultClass,
                    deviceNames(r, replicas)));
        }

        List<EgressTarget> egress = new ArrayList<>();
        List<TailscaleConfig.Egress> inEgress = or(c.egress());
        for (int i = 0; i < inEgress.size(); i++) {
            TailscaleConfig.Egress e = inEgress.get(i);
            List<Port> ports = new ArrayList<>();
            for (TailscaleConfig.EgressPort p : or(e.ports())) {
                ports.add(new Port(p.name(), p.port(), null, or(p.protocol(), "TCP"), null));
            }
            String ns = or(e.namespace(), "default");
            egress.add(new EgressTarget("/egress/" + i, e.name(), ns, e.fqdn(), e.ip(), ports, ns + "-" + e.name()));
        }

        Exposure.ProxyClassSpec own = ProxyClassDefaults.rendersOwnClass(c)
                ? new Exposure.ProxyClassSpec(Exposure.DEFAULT_PROXY_CLASS,
                        proxies == null || proxies.talosTun() == null ? null : proxies.talosTun().resource(),
                        install.proxyImage(), ProxyClassDefaults.pullSecrets(proxies),
                        ProxyClassDefaults.metrics(c), new TreeMap<>(ProxyClassDefaults.monitorLabels(c)))
                : null;
        return new Exposure(services, ingresses, connectors, egress, defaultClass, own);
    }

    /** The target port behind a Service port given by number or name; the port itself if no port matches (a check reports that). */
    private static Object targetOf(ExposedService s, Object servicePort) {
        return s.ports().stream().filter(p -> p.isReferencedBy(servicePort)).map(Port::targetPort).findFirst().orElse(servicePort);
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

    private static Object targetPort(JsonNode node, int port) {
        if (node == null || node.isNull()) {
            return port;
        }
        return portValue(node);
    }

    private static Object portValue(JsonNode node) {
        return node.isNumber() ? (Object) node.intValue() : node.asText();
    }

    private static List<String> tags(List<String> given, List<String> fallback) {
        return given == null ? fallback : List.copyOf(given);
    }

    private static <T> List<T> or(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String or(String value, String fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
