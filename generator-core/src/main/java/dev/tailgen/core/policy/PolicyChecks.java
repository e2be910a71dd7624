package dev.tailgen.core.policy;

import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.config.TailscaleConfig.Acl;
import dev.tailgen.core.config.TailscaleConfig.AclRule;
import dev.tailgen.core.config.TailscaleConfig.AppConnectorAttr;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.problem.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cross-checks of the tailnet policy against the cluster: every tag has an owner, rules and
 * API server access entries name only defined groups and tags that something carries, app
 * connector entries name known tags (errors); a rule's port that no exposure of that tag listens
 * on opens nothing, an app connector that no entry names serves no domain (warnings).
 */
final class PolicyChecks {
    private final ConfigDocument doc;
    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private PolicyChecks(ConfigDocument doc) {
        this.doc = doc;
    }

    /**
     * @param apiSources    apiServerProxy.access[i]/src pointers and their sources
     * @param appConnectors each app connector of the config (described) and its tags
     * @return the warnings, formatted; throws {@link ConfigException} with every error
     */
    static List<String> check(ConfigDocument doc, Acl acl, Map<String, List<String>> tagOwners, List<Endpoint> endpoints,
            Map<String, List<String>> apiSources, Map<String, List<String>> appConnectors) {
        PolicyChecks c = new PolicyChecks(doc);
        Acl a = acl == null ? new Acl(Map.of(), List.of(), Map.of(), List.of()) : acl;
        c.ownersAreOwned(a, tagOwners);
        c.rules(a, tagOwners, endpoints);
        apiSources.forEach((pointer, sources) -> {
            for (int i = 0; i < sources.size(); i++) {
                c.source(pointer + "/" + i, sources.get(i), a, tagOwners);
            }
        });
        c.appConnectors(a, tagOwners, appConnectors);
        if (!c.errors.isEmpty()) {
            throw new ConfigException(c.errors);
        }
        return c.warnings;
    }

    /** An owner that is a tag must itself be owned, or nobody can apply the tag it owns. */
    private void ownersAreOwned(Acl acl, Map<String, List<String>> tagOwners) {
        if (acl.tagOwners() == null) {
            return;
        }
        acl.tagOwners().forEach((tag, owners) -> {
            for (int i = 0; i < owners.size(); i++) {
                String owner = owners.get(i);
                if (owner.startsWith("tag:") && !tagOwners.containsKey(owner)) {
                    errors.add(doc.problemAt(ConfigPath.child(ConfigPath.child("/acl/tagOwners", tag), i), "tag \"" + owner
                            + "\" has no owner, so it cannot own " + tag + "; add \"" + owner + "\" to acl.tagOwners or use one of: "
                            + String.join(", ", tagOwners.keySet())));
                } else if (owner.startsWith("group:") && (acl.groups() == null || !acl.groups().containsKey(owner))) {
                    errors.add(doc.problemAt(ConfigPath.child(ConfigPath.child("/acl/tagOwners", tag), i), undefinedGroup(owner, acl)));
                }
            }
        });
    }

    private void rules(Acl acl, Map<String, List<String>> tagOwners, List<Endpoint> endpoints) {
        List<AclRule> rules = acl.rules() == null ? List.of() : acl.rules();
        for (int r = 0; r < rules.size(); r++) {
            AclRule rule = rules.get(r);
            for (int i = 0; i < rule.src().size(); i++) {
                source("/acl/rules/" + r + "/src/" + i, rule.src().get(i), acl, tagOwners);
            }
            for (int i = 0; i < rule.dst().size(); i++) {
                PolicyDestination d = PolicyDestination.parse(rule.dst().get(i));
                String where = "/acl/rules/" + r + "/dst/" + i;
                if (d.target().startsWith("group:") && (acl.groups() == null || !acl.groups().containsKey(d.target()))) {
                    errors.add(doc.problemAt(where, undefinedGroup(d.target(), acl)));
                } else if (d.isTag() && !tagOwners.containsKey(d.target())) {
                    errors.add(doc.problemAt(where, unknownTag(d.target(), tagOwners)));
                } else if (d.isTag() && !d.anyPort()) {
                    portWarning(where, d, endpoints);
                }
            }
        }
    }

    /** A source (of a rule or a grant) names a defined group, or a tag that something carries or acl.tagOwners owns. */
    private void source(String where, String src, Acl acl, Map<String, List<String>> tagOwners) {
        if (src.startsWith("group:") && (acl.groups() == null || !acl.groups().containsKey(src))) {
            errors.add(doc.problemAt(where, undefinedGroup(src, acl)));
        } else if (src.startsWith("tag:") && !tagOwners.containsKey(src)) {
            errors.add(doc.problemAt(where, unknownTag(src, tagOwners)));
        }
    }

    private void appConnectors(Acl acl, Map<String, List<String>> tagOwners, Map<String, List<String>> connectors) {
        List<AppConnectorAttr> apps = acl.appConnectors() == null ? List.of() : acl.appConnectors();
        Set<String> named = new TreeSet<>();
        for (int a = 0; a < apps.size(); a++) {
            List<String> tags = apps.get(a).connectors();
            named.addAll(tags);
            for (int i = 0; i < tags.size(); i++) {
                if (!tagOwners.containsKey(tags.get(i))) {
                    errors.add(doc.problemAt("/acl/appConnectors/" + a + "/connectors/" + i, unknownTag(tags.get(i), tagOwners)));
                }
            }
        }
        connectors.forEach((connector, tags) -> {
            if (tags.stream().noneMatch(named::contains)) {
                warnings.add(connector + " is an app connector, but no acl.appConnectors entry names its tags (" + String.join(", ", tags)
                        + "), so it serves no domain; add an entry with connectors: [" + tags.get(0) + "]");
            }
        });
    }

    private void portWarning(String where, PolicyDestination d, List<Endpoint> endpoints) {
        Set<Integer> listening = new TreeSet<>();
        endpoints.stream().filter(e -> e.tags().contains(d.target())).forEach(e -> listening.addAll(e.ports()));
        if (listening.isEmpty() || listening.stream().anyMatch(d::allows)) {
            return; // a tag only other tailnet devices carry: their ports are not ours to know
        }
        warnings.add(doc.problemAt(where, "no exposure tagged " + d.target() + " listens on " + portText(d)
                + " (they listen on " + String.join(", ", listening.stream().map(String::valueOf).toList())
                + "); this rule opens nothing in this cluster").format());
    }

    private static String portText(PolicyDestination d) {
        List<String> parts = new ArrayList<>();
        for (int[] r : d.ranges()) {
            parts.add(r[0] == r[1] ? "port " + r[0] : "ports " + r[0] + "-" + r[1]);
        }
        return String.join(", ", parts);
    }

    private static String undefinedGroup(String group, Acl acl) {
        Set<String> defined = acl.groups() == null ? Set.of() : new TreeSet<>(acl.groups().keySet());
        return "group \"" + group + "\" is not defined; define it in acl.groups"
                + (defined.isEmpty() ? "" : " or use one of: " + String.join(", ", defined));
    }

    private static String unknownTag(String tag, Map<String, List<String>> tagOwners) {
        return "tag \"" + tag + "\" is carried by no generated object and has no owner in acl.tagOwners; use one of: "
                + String.join(", ", tagOwners.keySet()) + ", or add \"" + tag + "\" to acl.tagOwners if other tailnet devices carry it";
    }
}
