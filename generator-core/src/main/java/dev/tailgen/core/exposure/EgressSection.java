package dev.tailgen.core.exposure;

import static dev.tailgen.core.exposure.Sections.or;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.inventory.Inventory.Egress;
import dev.tailgen.core.inventory.InventoryEntries;
import dev.tailgen.core.monitoring.ScrapeTargets;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code egress[]}: an ExternalName Service through which pods reach a tailnet device, by FQDN or IP. */
public final class EgressSection implements Section<EgressSection.EgressTarget> {
    public static final EgressSection INSTANCE = new EgressSection();
    /** The ports an egress ProxyGroup's pods serve its targets on (op/egress-services.go:provision, 10000-10999). */
    public static final String EGRESS_GROUP_PORTS = "10000-10999";

    private EgressSection() {
    }

    /**
     * @param deviceName the egress proxy's tailnet device name (the operator's {@code <ns>-<name>})
     * @param tags       the proxies' default tags (the egress proxy takes no tags of its own); none when a ProxyGroup carries it
     * @param proxyGroup the egress ProxyGroup carrying it, or null for its own proxy
     * @param groupDevices that group's replica device names
     */
    public record EgressTarget(String pointer, String name, String namespace, String fqdn, String ip, List<Port> ports,
            String deviceName, List<String> tags, String proxyGroup, List<String> groupDevices) implements Exposed {

        @Override
        public String object() {
            return "Service " + namespace + "/" + name;
        }

        @Override
        public List<Device> devices() {
            if (proxyGroup != null) {
                return List.of();
            }
            return List.of(new Device(deviceName, "egress proxy", object(), pointer, "<namespace>-<name> of its egress proxy"));
        }

        /** A standalone egress proxy takes the default class (op/sts.go:proxyClassForObject); egress[] names none of its own. */
        @Override
        public String classUsed(String defaultClass) {
            if (proxyGroup != null) {
                return null;
            }
            return defaultClass.isEmpty() ? null : defaultClass;
        }

        @Override
        public List<GeneratedObject> objects() {
            return List.of(new GeneratedObject("Service", namespace, name, pointer + "/name"));
        }
    }

    @Override
    public String key() {
        return "egress";
    }

    @Override
    public String group() {
        return "tailscale-egress";
    }

    @Override
    public List<EgressTarget> resolve(Resolution r) {
        List<EgressTarget> egress = new ArrayList<>();
        List<TailscaleConfig.Egress> in = or(r.config().egress());
        for (int i = 0; i < in.size(); i++) {
            TailscaleConfig.Egress e = in.get(i);
            List<Port> ports = new ArrayList<>();
            for (TailscaleConfig.EgressPort p : or(e.ports())) {
                ports.add(new Port(p.name(), p.port(), null, or(p.protocol(), "TCP"), null));
            }
            String ns = or(e.namespace(), "default");
            egress.add(new EgressTarget("/egress/" + i, e.name(), ns, e.fqdn(), e.ip(), ports, ns + "-" + e.name(),
                    e.proxyGroup() == null ? r.install().proxyTags() : List.of(), e.proxyGroup(),
                    ProxyGroupsSection.deviceNames(r, e.proxyGroup())));
        }
        return egress;
    }

    @Override
    public List<TemplateCall> templates(EgressTarget t) {
        Map<String, Object> egress = new LinkedHashMap<>();
        egress.put("name", t.name());
        egress.put("namespace", t.namespace());
        egress.put("labels", ExposureTemplates.managedLabels());
        egress.put("annotations", annotations(t));
        egress.put("hasPorts", !t.ports().isEmpty());
        egress.put("ports", ExposureTemplates.ports(t.ports(), false, null));
        return List.of(ExposureTemplates.call("exposure/egress-service.yaml.j2", "egress", egress));
    }

    /**
     * The annotations the operator reads on an egress Service (op/sts.go consts: tailnet-fqdn, tailnet-ip;
     * op/egress-services.go for proxy-group).
     */
    private static Map<String, String> annotations(EgressTarget t) {
        Map<String, String> annotations = new TreeMap<>();
        if (t.fqdn() != null) {
            annotations.put("tailscale.com/tailnet-fqdn", t.fqdn());
        } else {
            annotations.put("tailscale.com/tailnet-ip", t.ip());
        }
        ExposureTemplates.putIfSet(annotations, ExposureTemplates.PROXY_GROUP_ANNOTATION, t.proxyGroup());
        return annotations;
    }

    /**
     * A group's egress Service needs a group of type egress and a port (op/egress-services.go:validateEgressService);
     * a standalone one a default class that is not userspace (its proxy exits in userspace mode).
     */
    @Override
    public void check(EgressTarget t, Exposure exposure, ExposureChecks.Problems problems) {
        if (t.proxyGroup() != null) {
            ProxyGroupsSection.checkUse(t.pointer(), t.proxyGroup(), ProxyGroupsSection.EGRESS, t.object(), exposure, problems);
            if (t.ports().isEmpty()) {
                problems.add(t.pointer(), t.object() + " is carried by ProxyGroup " + t.proxyGroup() + ", which needs at least one"
                        + " port to map to its replicas; add ports");
            }
            return;
        }
        exposure.proxyClasses().find(t.classUsed(exposure.defaultProxyClass())).filter(ProxyClasses.ProxyClassSpec::userspace)
                .ifPresent(pc -> problems.add("/proxies/defaultProxyClass", ProxyClasses.userspaceRefused(pc.name(),
                        "the egress proxy of " + t.object() + " (" + problems.describe(t.pointer()) + ", which takes the default class)",
                        "TS_TAILNET_TARGET_*", "make a class in kernel mode the default")));
    }

    @Override
    public void inventory(EgressTarget t, InventoryEntries entries) {
        String target = t.fqdn() != null ? t.fqdn().replaceFirst("\\.$", "") : t.ip();
        List<String> ports = t.ports().stream().map(p -> p.port() + "/" + p.protocol()).toList();
        if (t.proxyGroup() != null) {
            entries.egress(new Egress(t.object(), t.name() + "." + t.namespace() + ".svc.cluster.local", target, ports,
                    String.join(", ", t.groupDevices().stream().map(entries::dns).toList()), t.proxyGroup()));
            return;
        }
        entries.egress(new Egress(t.object(), t.name() + "." + t.namespace() + ".svc.cluster.local", target, ports,
                entries.dns(t.deviceName()), null));
    }

    @Override
    public String scraped(EgressTarget t, ScrapeTargets targets) {
        if (t.proxyGroup() != null) {
            return targets.servedByGroup(t.object(), t.proxyGroup());
        }
        return "not scraped: egress proxy of " + t.object() + " (the operator offers no metrics for standalone egress proxies)";
    }
}
