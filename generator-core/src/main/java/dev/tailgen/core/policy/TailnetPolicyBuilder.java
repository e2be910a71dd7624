package dev.tailgen.core.policy;

import dev.tailgen.core.config.TailscaleConfig.Acl;
import dev.tailgen.core.config.TailscaleConfig.AclRule;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tailnet policy fragment: tagOwners (the operator's tags own every proxy and Connector tag),
 * groups and acls from {@code acl}, autoApprovers for Connector routes and exit nodes, the funnel
 * nodeAttr for Funnel ingresses, and tests that assert each rule and that a group with no rule
 * reaches none of the exposures.
 */
public final class TailnetPolicyBuilder {
    private final Acl acl;
    private final ClusterTags tags;
    private final PolicyPieces pieces = new PolicyPieces();
    private final List<Endpoint> endpoints;

    TailnetPolicyBuilder(Acl acl, ClusterTags tags, Exposure exposure, List<Endpoint> endpoints) {
        this.acl = acl == null ? new Acl(Map.of(), List.of(), Map.of()) : acl;
        this.tags = tags;
        exposure.parts().forEach(part -> part.policy(pieces));
        this.endpoints = endpoints;
    }

    Map<String, Object> build() {
        Map<String, Object> policy = new LinkedHashMap<>();
        if (!groups().isEmpty()) {
            policy.put("groups", groups());
        }
        policy.put("tagOwners", tagOwners());
        List<Map<String, Object>> acls = new ArrayList<>();
        for (AclRule rule : rules()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("action", "accept");
            entry.put("src", rule.src());
            entry.put("dst", rule.dst());
            acls.add(entry);
        }
        if (!acls.isEmpty()) {
            policy.put("acls", acls);
        }
        Map<String, Object> approvers = autoApprovers();
        if (!approvers.isEmpty()) {
            policy.put("autoApprovers", approvers);
        }
        Set<String> funnelTags = pieces.funnel;
        if (!funnelTags.isEmpty()) {
            Map<String, Object> funnel = new LinkedHashMap<>(); // not Map.of: its iteration order changes per JVM
            funnel.put("target", List.copyOf(funnelTags));
            funnel.put("attr", List.of("funnel"));
            policy.put("nodeAttrs", List.of(funnel));
        }
        List<Map<String, Object>> tests = tests();
        if (!tests.isEmpty()) {
            policy.put("tests", tests);
        }
        return policy;
    }

    /** Operator tags are owned by admins only ([]); every other cluster tag by the operator's tags; then the user's own entries, merged. */
    Map<String, List<String>> tagOwners() {
        Map<String, Set<String>> owners = new LinkedHashMap<>();
        tags.operatorTags().forEach(t -> owners.put(t, new LinkedHashSet<>()));
        tags.objectTags().forEach(t -> owners.put(t, new LinkedHashSet<>(tags.owners())));
        orEmpty(acl.tagOwners()).forEach((tag, extra) -> owners.computeIfAbsent(tag, t -> new LinkedHashSet<>()).addAll(extra));
        Map<String, List<String>> out = new LinkedHashMap<>();
        owners.forEach((tag, set) -> out.put(tag, List.copyOf(set)));
        return out;
    }

    private Map<String, List<String>> groups() {
        return orEmpty(acl.groups());
    }

    private List<AclRule> rules() {
        return acl.rules() == null ? List.of() : acl.rules();
    }

    private Map<String, Object> autoApprovers() {
        Map<String, Set<String>> routes = pieces.routes;
        Set<String> exitNode = pieces.exitNode;
        Map<String, Object> approvers = new LinkedHashMap<>();
        if (!routes.isEmpty()) {
            Map<String, List<String>> r = new LinkedHashMap<>();
            routes.forEach((cidr, t) -> r.put(cidr, List.copyOf(t)));
            approvers.put("routes", r);
        }
        if (!exitNode.isEmpty()) {
            approvers.put("exitNode", List.copyOf(exitNode));
        }
        return approvers;
    }

    /**
     * One test per rule and source: a user (for a group, its first member) must reach each
     * destination on a concrete port. Then, for each group that no rule names, one member must
     * be denied every exposure, unless a rule admits everyone.
     */
    private List<Map<String, Object>> tests() {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (AclRule rule : rules()) {
            List<String> accept = new ArrayList<>();
            for (String dst : rule.dst()) {
                String concrete = concrete(PolicyDestination.parse(dst));
                if (concrete != null) {
                    accept.add(concrete);
                }
            }
            if (accept.isEmpty()) {
                continue;
            }
            for (String src : rule.src()) {
                String user = testSource(src);
                if (user != null) {
                    tests.add(test(user, "accept", accept));
                }
            }
        }
        Set<String> named = new LinkedHashSet<>();
        boolean everyone = false;
        for (AclRule rule : rules()) {
            named.addAll(rule.src());
            everyone |= rule.src().stream().anyMatch(s -> s.equals("*") || s.startsWith("autogroup:"));
        }
        List<String> everyExposure = everyExposure();
        if (everyone || everyExposure.isEmpty()) {
            return tests;
        }
        Set<String> grantedUsers = new TreeSet<>();
        groups().forEach((group, members) -> {
            if (named.contains(group)) {
                grantedUsers.addAll(members);
            }
        });
        grantedUsers.addAll(named);
        groups().forEach((group, members) -> {
            if (!named.contains(group)) {
                members.stream().filter(m -> !grantedUsers.contains(m)).findFirst()
                        .ifPresent(user -> tests.add(test(user, "deny", everyExposure)));
            }
        });
        return tests;
    }

    /** {@code tag:k8s:8080}: the destination with a port an exposure of that tag listens on (or the first port it allows). */
    private String concrete(PolicyDestination d) {
        if (!d.isTag()) {
            return null; // tests take tags here; users, hosts and CIDRs are left to the user's own tests
        }
        for (Endpoint e : endpoints) {
            if (e.tags().contains(d.target())) {
                for (int port : e.ports()) {
                    if (d.allows(port)) {
                        return d.target() + ":" + port;
                    }
                }
            }
        }
        return d.anyPort() ? null : d.target() + ":" + d.ranges().get(0)[0];
    }

    private String testSource(String src) {
        if (src.startsWith("group:")) {
            List<String> members = groups().get(src);
            return members == null || members.isEmpty() ? null : members.get(0);
        }
        return src.startsWith("tag:") || src.contains("@") ? src : null;
    }

    /** Each exposure tag on the first port it listens on: what a user with no rule must not reach. */
    private List<String> everyExposure() {
        Set<String> out = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            for (String tag : e.tags()) {
                out.add(tag + ":" + e.ports().get(0));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Object> test(String src, String verdict, List<String> dst) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("src", src);
        t.put(verdict, dst);
        return t;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
