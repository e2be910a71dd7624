package dev.tailgen.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A tailnet policy destination {@code target:ports} (tag:k8s:8080, tag:k8s:*, group:x:80-90,443).
 * The target may itself hold colons (tag:, IPv6), so the ports are what follows the last one.
 */
record PolicyDestination(String target, boolean anyPort, List<int[]> ranges) {

    static PolicyDestination parse(String text) {
        int colon = text.lastIndexOf(':');
        String target = text.substring(0, colon);
        String ports = text.substring(colon + 1);
        if (ports.equals("*")) {
            return new PolicyDestination(target, true, List.of());
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : ports.split(",")) {
            int dash = part.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1));
            ranges.add(new int[] {from, to});
        }
        return new PolicyDestination(target, false, ranges);
    }

    boolean allows(int port) {
        return anyPort || ranges.stream().anyMatch(r -> port >= r[0] && port <= r[1]);
    }

    boolean isTag() {
        return target.startsWith("tag:");
    }

    /** Whether the target names every device (the policy's "*" host). */
    boolean anyHost() {
        return target.equals("*");
    }
}
