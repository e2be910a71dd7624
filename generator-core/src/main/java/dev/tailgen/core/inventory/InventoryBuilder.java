package dev.tailgen.core.inventory;

import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.exposure.Exposed;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.ExposureTemplates;
import dev.tailgen.core.exposure.ProxyClasses;
import dev.tailgen.core.inventory.Inventory.Device;
import dev.tailgen.core.inventory.Inventory.ProxyClassEntry;
import dev.tailgen.core.inventory.Inventory.ProxyClassSection;
import dev.tailgen.core.operator.OperatorInstall;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Builds the inventory from the resolved exposure, in config order: one device per proxy, as the operator creates them. */
public final class InventoryBuilder {
    private final String cluster;
    private final String domain;

    public InventoryBuilder(String cluster, String tailnetDomain) {
        this.cluster = cluster;
        this.domain = tailnetDomain;
    }

    public Inventory build(OperatorInstall install, Exposure exposure) {
        InventoryEntries entries = new InventoryEntries(domain);
        List<Device> devices = new ArrayList<>();
        String operatorRole = "false".equals(install.apiServerProxyMode()) ? "operator" : "operator, Kubernetes API server proxy";
        devices.add(new Device(install.hostname(), entries.dns(install.hostname()), operatorRole,
                "Deployment " + install.namespace() + "/operator", install.tags()));
        exposure.parts().forEach(part -> part.inventory(entries));
        for (Exposed item : exposure.items()) {
            for (Exposed.Device d : item.devices()) {
                devices.add(new Device(d.name(), entries.dns(d.name()), d.role(), d.object(), item.tags()));
            }
        }
        List<Inventory.ProxyGroupEntry> groups = new ArrayList<>();
        for (Inventory.ProxyGroupEntry g : entries.proxyGroups) {
            List<String> serves = exposure.items().stream().filter(item -> g.name().equals(item.proxyGroup())).map(Exposed::object).toList();
            groups.add(new Inventory.ProxyGroupEntry(g.object(), g.type(), g.devices(), g.tags(), serves));
        }
        return new Inventory(cluster, domain, install.version(), entries.endpoints, entries.routers, entries.egress, List.copyOf(groups),
                devices, List.of(), Inventory.ApiServerSection.NONE, Inventory.NetworkPolicySection.NONE, List.of(), null,
                proxyClasses(exposure));
    }

    /** Each class with who uses it; the device plugin the TUN requests need; Connectors left without a class. */
    private static ProxyClassSection proxyClasses(Exposure exposure) {
        ProxyClasses classes = exposure.proxyClasses();
        String byDefault = exposure.defaultProxyClass();
        List<ProxyClassEntry> entries = new ArrayList<>();
        for (ProxyClasses.ProxyClassSpec pc : classes.rendered()) {
            List<String> usedBy = exposure.items().stream().filter(item -> pc.name().equals(item.classUsed(byDefault)))
                    .map(Exposed::object).toList();
            entries.add(new ProxyClassEntry(pc.name(), pc.origin(), pc.name().equals(byDefault), pc.tunResource(),
                    pc.userspace() ? "userspace" : "kernel", pc.metrics(), usedBy));
        }
        List<String> notes = new ArrayList<>();
        TreeSet<String> tun = new TreeSet<>();
        classes.rendered().stream().map(ProxyClasses.ProxyClassSpec::tunResource).filter(r -> r != null).forEach(tun::add);
        ProxyClasses.DevicePluginSpec plugin = classes.devicePlugin();
        if (plugin != null) {
            notes.add("TUN devices: the generic device plugin rendered here (DaemonSet kube-system/" + ExposureTemplates.DEVICE_PLUGIN
                    + ", `" + plugin.image() + "`) offers `" + plugin.tunResource() + "` on every node (`--domain " + plugin.domain() + "`).");
        } else if (!tun.isEmpty()) {
            notes.add("TUN devices: the classes request `" + String.join("`, `", tun) + "`, so a device plugin must offer it on every"
                    + " node that runs proxies. The generic device plugin declares `<domain>/tun`: `" + ProxyClasses.DEVICE_PLUGIN_DOMAIN
                    + "` by default from its release 0.2.0, `squat.ai` before; set `devicePlugin` to render it here.");
        }
        if (!byDefault.isEmpty()) {
            List<String> bare = exposure.items().stream().filter(item -> !item.devices().isEmpty() && item.classUsed(byDefault) == null)
                    .map(item -> ConfigPath.fromPointer(item.pointer()) + " (" + item.object() + ")").toList();
            if (!bare.isEmpty()) {
                notes.add("No ProxyClass: " + String.join(", ", bare) + ". The operator applies the default class " + byDefault
                        + " to Services, Ingresses and ProxyGroups only, never to Connectors: name a class in their proxyClass.");
            }
        }
        return entries.isEmpty() && notes.isEmpty() ? ProxyClassSection.NONE : new ProxyClassSection(entries, notes);
    }
}
