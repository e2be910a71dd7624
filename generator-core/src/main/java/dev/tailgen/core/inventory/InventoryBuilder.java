package dev.tailgen.core.inventory;

import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.Exposure.Connector;
import dev.tailgen.core.exposure.Exposure.EgressTarget;
import dev.tailgen.core.exposure.Exposure.ExposedIngress;
import dev.tailgen.core.exposure.Exposure.ExposedService;
import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.inventory.Inventory.Device;
import dev.tailgen.core.inventory.Inventory.Egress;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.inventory.Inventory.Router;
import dev.tailgen.core.operator.OperatorInstall;
import java.util.ArrayList;
import java.util.List;

/** Builds the inventory from the resolved exposure, in config order: one device per proxy, as the operator creates them. */
public final class InventoryBuilder {
    private final String cluster;
    private final String domain;

    public InventoryBuilder(String cluster, String tailnetDomain) {
        this.cluster = cluster;
        this.domain = tailnetDomain;
    }

    public Inventory build(OperatorInstall install, Exposure exposure) {
        List<Endpoint> endpoints = new ArrayList<>();
        List<Router> routers = new ArrayList<>();
        List<Egress> egress = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        String operatorRole = "false".equals(install.apiServerProxyMode()) ? "operator" : "operator, Kubernetes API server proxy";
        devices.add(new Device(install.hostname(), dns(install.hostname()), operatorRole,
                "Deployment " + install.namespace() + "/operator", install.tags()));

        for (ExposedService s : exposure.services()) {
            String object = "Service " + s.namespace() + "/" + s.name();
            List<String> urls = s.ports().stream().map(p -> EndpointUrls.forPort(dns(s.hostname()), p)).toList();
            String twin = s.publicName() == null ? null : "NodePort Service " + s.namespace() + "/" + s.publicName()
                    + (s.publicNodePort() == null ? " (node port allocated by Kubernetes)" : " on node port " + s.publicNodePort());
            endpoints.add(new Endpoint("Service", object, s.hostname(), dns(s.hostname()), urls, s.tags(),
                    s.ports().stream().map(Port::port).toList(), ports(s.ports()), twin));
            devices.add(new Device(s.hostname(), dns(s.hostname()), "service proxy", object, s.tags()));
        }
        for (ExposedIngress g : exposure.ingresses()) {
            String object = "Ingress " + g.namespace() + "/" + g.name();
            endpoints.add(new Endpoint("Ingress", object, g.hostname(), dns(g.hostname()), EndpointUrls.forIngress(dns(g.hostname()), g.paths()),
                    g.tags(), g.httpRedirect() ? List.of(80, 443) : List.of(443), "Service " + g.namespace() + "/" + g.backendService() + ":" + g.backendPort(),
                    g.funnel() ? "Tailscale Funnel: the same URL from the internet" : null));
            devices.add(new Device(g.hostname(), dns(g.hostname()), "ingress proxy", object, g.tags()));
        }
        for (Connector c : exposure.connectors()) {
            String object = "Connector " + c.name();
            routers.add(new Router(object, c.deviceNames().stream().map(this::dns).toList(), c.routes(), c.exitNode(), c.tags()));
            String role = c.exitNode() ? (c.routes().isEmpty() ? "exit node" : "subnet router, exit node") : "subnet router";
            for (String name : c.deviceNames()) {
                devices.add(new Device(name, dns(name), role, object, c.tags()));
            }
        }
        for (EgressTarget t : exposure.egress()) {
            String object = "Service " + t.namespace() + "/" + t.name();
            String target = t.fqdn() != null ? t.fqdn().replaceFirst("\\.$", "") : t.ip();
            List<String> ports = t.ports().stream().map(p -> p.port() + "/" + p.protocol()).toList();
            egress.add(new Egress(object, t.name() + "." + t.namespace() + ".svc.cluster.local", target, ports, dns(t.deviceName())));
            devices.add(new Device(t.deviceName(), dns(t.deviceName()), "egress proxy", object, install.proxyTags()));
        }
        return new Inventory(cluster, domain, install.version(), endpoints, routers, egress, devices, List.of(),
                Inventory.NetworkPolicySection.NONE, List.of(), null);
    }

    private String dns(String hostname) {
        return hostname + "." + domain;
    }

    private static String ports(List<Port> ports) {
        List<String> out = new ArrayList<>();
        for (Port p : ports) {
            out.add(p.port() + " -> " + p.targetPort() + (p.protocol().equals("TCP") ? "" : "/" + p.protocol()));
        }
        return "ports " + String.join(", ", out);
    }
}
