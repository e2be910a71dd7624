package dev.tailgen.core.inventory;

import dev.tailgen.core.exposure.Exposed;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.inventory.Inventory.Device;
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
        return new Inventory(cluster, domain, install.version(), entries.endpoints, entries.routers, entries.egress, devices, List.of(),
                Inventory.NetworkPolicySection.NONE, List.of(), null);
    }
}
