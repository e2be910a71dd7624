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

/** {@code egress[]}: an ExternalName Service through which pods reach a tailnet device, by FQDN or IP. */
public final class EgressSection implements Section<EgressSection.EgressTarget> {
    public static final EgressSection INSTANCE = new EgressSection();

    private EgressSection() {
    }

    /**
     * @param deviceName the egress proxy's tailnet device name (the operator's {@code <ns>-<name>})
     * @param tags       the proxies' default tags (the egress proxy takes no tags of its own)
     */
    public record EgressTarget(String pointer, String name, String namespace, String fqdn, String ip, List<Port> ports,
            String deviceName, List<String> tags) implements Exposed {

        String object() {
            return "Service " + namespace + "/" + name;
        }

        @Override
        public List<Device> devices() {
            return List.of(new Device(deviceName, "egress proxy", object(), pointer, "<namespace>-<name> of its egress proxy"));
        }

        /** A standalone egress proxy takes the default class (op/sts.go:proxyClassForObject); egress[] names none of its own. */
        @Override
        public String classUsed(String defaultClass) {
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
                    r.install().proxyTags()));
        }
        return egress;
    }

    @Override
    public List<TemplateCall> templates(EgressTarget t) {
        Map<String, Object> egress = new LinkedHashMap<>();
        egress.put("name", t.name());
        egress.put("namespace", t.namespace());
        egress.put("labels", ExposureTemplates.managedLabels());
        egress.put("annotations", t.fqdn() != null ? Map.of("tailscale.com/tailnet-fqdn", t.fqdn()) : Map.of("tailscale.com/tailnet-ip", t.ip()));
        egress.put("hasPorts", !t.ports().isEmpty());
        egress.put("ports", ExposureTemplates.ports(t.ports(), false, null));
        return List.of(ExposureTemplates.call("exposure/egress-service.yaml.j2", "egress", egress));
    }

    /** The default class must not be userspace: a standalone egress proxy exits in userspace mode. */
    @Override
    public void check(EgressTarget t, Exposure exposure, ExposureChecks.Problems problems) {
        exposure.proxyClasses().find(t.classUsed(exposure.defaultProxyClass())).filter(ProxyClasses.ProxyClassSpec::userspace)
                .ifPresent(pc -> problems.add("/proxies/defaultProxyClass", ProxyClasses.userspaceRefused(pc.name(),
                        "the egress proxy of " + t.object() + " (" + problems.describe(t.pointer()) + ", which takes the default class)",
                        "TS_TAILNET_TARGET_*", "make a class in kernel mode the default")));
    }

    @Override
    public void inventory(EgressTarget t, InventoryEntries entries) {
        String target = t.fqdn() != null ? t.fqdn().replaceFirst("\\.$", "") : t.ip();
        List<String> ports = t.ports().stream().map(p -> p.port() + "/" + p.protocol()).toList();
        entries.egress(new Egress(t.object(), t.name() + "." + t.namespace() + ".svc.cluster.local", target, ports,
                entries.dns(t.deviceName())));
    }

    @Override
    public String scraped(EgressTarget t, ScrapeTargets targets) {
        return "not scraped: egress proxy of " + t.object() + " (the operator offers no metrics for standalone egress proxies)";
    }
}
