package dev.tailgen.core.policy;

import dev.tailgen.core.config.TailscaleConfig.Acl;
import dev.tailgen.core.config.TailscaleConfig.AclRule;
import dev.tailgen.core.inventory.Inventory.Access;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Who reaches which exposure on which port, derived from the rules: a source reaches an exposure
 * when a destination names one of its tags, its MagicDNS or host name, or "*", on a port it
 * listens on. Every group appears; one with no access says so.
 */
final class AccessMatrix {
    static final String NO_ACCESS = "no access";

    private AccessMatrix() {
    }

    /** @param grants what the API server access grants give each source (apiServerProxy.access) */
    static List<Access> of(Acl acl, List<Endpoint> endpoints, List<Access> grants) {
        List<AclRule> rules = acl == null || acl.rules() == null ? List.of() : acl.rules();
        Set<String> who = new LinkedHashSet<>();
        if (acl != null && acl.groups() != null) {
            who.addAll(acl.groups().keySet());
        }
        rules.forEach(r -> who.addAll(r.src()));
        grants.forEach(g -> who.add(g.who()));
        List<Access> rows = new ArrayList<>();
        for (String source : who) {
            int before = rows.size();
            for (int r = 0; r < rules.size(); r++) {
                AclRule rule = rules.get(r);
                if (!rule.src().contains(source)) {
                    continue;
                }
                for (Endpoint e : endpoints) {
                    String ports = reachable(rule, e);
                    if (!ports.isEmpty()) {
                        rows.add(new Access(source, e.magicDns(), ports, "acl.rules[" + r + "]"));
                    }
                }
            }
            grants.stream().filter(g -> g.who().equals(source)).forEach(rows::add);
            if (rows.size() == before) {
                rows.add(new Access(source, NO_ACCESS, "", ""));
            }
        }
        return rows;
    }

    private static String reachable(AclRule rule, Endpoint e) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (String dst : rule.dst()) {
            PolicyDestination d = PolicyDestination.parse(dst);
            boolean names = d.anyHost() || e.tags().contains(d.target()) || d.target().equals(e.magicDns()) || d.target().equals(e.hostname());
            if (names) {
                e.ports().stream().filter(d::allows).forEach(ports::add);
            }
        }
        StringJoiner sj = new StringJoiner(", ");
        ports.stream().sorted().forEach(p -> sj.add(String.valueOf(p)));
        return sj.toString();
    }
}
