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

    /** The funnel nodeAttr for devices with these tags. */
    public void funnel(List<String> tags) {
        funnel.addAll(tags);
    }
}
