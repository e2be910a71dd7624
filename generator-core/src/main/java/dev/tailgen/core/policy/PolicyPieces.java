package dev.tailgen.core.policy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where each section puts what the tailnet policy must approve or allow for it, in config order. */
public final class PolicyPieces {
    final Map<String, Set<String>> routes = new LinkedHashMap<>();
    final Set<String> exitNode = new LinkedHashSet<>();
    final Set<String> funnel = new LinkedHashSet<>();
    final Map<String, Set<String>> services = new LinkedHashMap<>();

    PolicyPieces() {
    }

    /** autoApprovers.routes: devices with these tags may advertise {@code cidr}. */
    public void approveRoute(String cidr, List<String> tags) {
        routes.computeIfAbsent(cidr, k -> new LinkedHashSet<>()).addAll(tags);
    }

    /** autoApprovers.exitNode. */
    public void approveExitNode(List<String> tags) {
        exitNode.addAll(tags);
    }

    /**
     * autoApprovers.services: devices with {@code deviceTags} may advertise Tailscale Services tagged
     * {@code serviceTags} (op/e2e/acl.hujson; without it the Service's VIP is never served).
     */
    public void approveService(List<String> serviceTags, List<String> deviceTags) {
        serviceTags.forEach(t -> services.computeIfAbsent(t, k -> new LinkedHashSet<>()).addAll(deviceTags));
    }

    /** The funnel nodeAttr for devices with these tags. */
    public void funnel(List<String> tags) {
        funnel.addAll(tags);
    }
}
