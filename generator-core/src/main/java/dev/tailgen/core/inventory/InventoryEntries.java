package dev.tailgen.core.inventory;

import dev.tailgen.core.inventory.Inventory.Egress;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.inventory.Inventory.ProxyGroupEntry;
import dev.tailgen.core.inventory.Inventory.Router;
import java.util.ArrayList;
import java.util.List;

/** Where each section puts its inventory entries, in config order; the builder adds the devices. */
public final class InventoryEntries {
    private final String domain;
    final List<Endpoint> endpoints = new ArrayList<>();
    final List<Router> routers = new ArrayList<>();
    final List<Egress> egress = new ArrayList<>();
    final List<ProxyGroupEntry> proxyGroups = new ArrayList<>();

    InventoryEntries(String tailnetDomain) {
        this.domain = tailnetDomain;
    }

    /** The MagicDNS name of a tailnet device. */
    public String dns(String hostname) {
        return hostname + "." + domain;
    }

    public void endpoint(Endpoint endpoint) {
        endpoints.add(endpoint);
    }

    public void router(Router router) {
        routers.add(router);
    }

    public void egress(Egress entry) {
        egress.add(entry);
    }

    public void proxyGroup(ProxyGroupEntry entry) {
        proxyGroups.add(entry);
    }
}
