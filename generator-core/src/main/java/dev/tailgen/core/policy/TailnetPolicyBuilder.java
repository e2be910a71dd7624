package dev.tailgen.core.policy;

import dev.tailgen.core.config.TailscaleConfig.Acl;
import dev.tailgen.core.config.TailscaleConfig.AclRule;
import dev.tailgen.core.config.TailscaleConfig.AppConnectorAttr;
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
 * The tailnet policy fragment: tagOwners (the operator's tags own every proxy, Connector and
 * Tailscale Service tag), groups and acls from {@code acl}, grants for kubectl through the API
 * server proxies, autoApprovers for Connector routes, exit nodes and Tailscale Services, the funnel
 * and app-connector nodeAttrs, and tests that assert each rule and grant and that a group with no
 * rule reaches none of the exposures.
 */
public final class TailnetPolicyBuilder {
    private final Acl acl;
    private final ClusterTags tags;
    private final PolicyPieces pieces = new PolicyPieces();
    private final List<Endpoint> endpoints;
    private final ApiServerAccess apiAccess;
    static final String APP_CONNECTORS = "tailscale.com/app-connectors";

    TailnetPolicyBuilder(Acl acl, ClusterTags tags, Exposure exposure, List<Endpoint> endpoints, ApiServerAccess apiAccess) {
        this.acl = acl == null ? new Acl(Map.of(), List.of(), Map.of(), List.of()) : acl;
        this.tags = tags;
        exposure.parts().forEach(part -> part.policy(pieces));
        for (AppConnectorAttr app : appConnectors()) {
            if (app.routes() != null) {
                app.routes().forEach(route -> pieces.approveRoute(route, app.connectors()));
            }
        }
        this.endpoints = endpoints;
        this.apiAccess = apiAccess;
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
        List<Map<String, Object>> grants = apiAccess.grants();
        if (!grants.isEmpty()) {
            policy.put("grants", grants);
        }
        Map<String, Object> approvers = autoApprovers();
        if (!approvers.isEmpty()) {
            policy.put("autoApprovers", approvers);
        }
        List<Map<String, Object>> nodeAttrs = new ArrayList<>();
        Set<String> funnelTags = pieces.funnel;
        if (!funnelTags.isEmpty()) {
            Map<String, Object> funnel = new LinkedHashMap<>(); // not Map.of: its iteration order changes per JVM
            funnel.put("target", List.copyOf(funnelTags));
            funnel.put("attr", List.of("funnel"));
            nodeAttrs.add(funnel);
        }
        if (!appConnectors().isEmpty()) {
            nodeAttrs.add(appConnectorsAttr());
        }
        if (!nodeAttrs.isEmpty()) {
            policy.put("nodeAttrs", nodeAttrs);
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

    private List<AppConnectorAttr> appConnectors() {
        return acl.appConnectors() == null ? List.of() : acl.appConnectors();
    }

    /** Every device uses the apps' connectors for their domains (types/appctype/appconnector.go:AppConnectorAttr). */
    private Map<String, Object> appConnectorsAttr() {
        List<Map<String, Object>> apps = new ArrayList<>();
        for (AppConnectorAttr a : appConnectors()) {
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("name", a.name());
            app.put("connectors", a.connectors());
            app.put("domains", a.domains());
            if (a.routes() != null) {
                app.put("routes", a.routes());
            }
            apps.add(app);
        }
        Map<String, Object> attr = new LinkedHashMap<>();
        attr.put("target", List.of("*"));
        attr.put("app", Map.of(APP_CONNECTORS, apps));
        return attr;
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
        if (!pieces.services.isEmpty()) {
            Map<String, List<String>> s = new LinkedHashMap<>();
            pieces.services.forEach((tag, t) -> s.put(tag, List.copyOf(t)));
            approvers.put("services", s);
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
        String apiServer = apiAccess.testDestination();
        Set<String> named = new LinkedHashSet<>();
        for (List<String> sources : apiAccess.sources().values()) {
            named.addAll(sources);
            for (String src : sources) {
                String user = testSource(src);
                if (user != null && apiServer != null) {
                    tests.add(test(user, "accept", List.of(apiServer)));
                }
            }
        }
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
