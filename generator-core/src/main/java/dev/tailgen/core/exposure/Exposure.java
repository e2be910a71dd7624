package dev.tailgen.core.exposure;

import dev.tailgen.core.inventory.InventoryEntries;
import dev.tailgen.core.monitoring.ScrapeTargets;
import dev.tailgen.core.netpol.NetworkPolicyIntents;
import dev.tailgen.core.policy.PolicyPieces;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The exposure sections with every default resolved (hostnames, namespaces, proxy classes, device
 * names), in the order of {@link Sections#ALL}, so templates, checks and the inventory read one
 * model. Steps that concern every kind iterate {@link #parts()}; a section's own items are
 * {@link #of(Section)}.
 *
 * @param proxyClasses      the ProxyClasses we render and the default
 * @param impersonationRbac whether the install renders the impersonation RBAC that auth-mode API server proxies need
 */
public record Exposure(List<Part<?>> parts, ProxyClasses proxyClasses, boolean impersonationRbac) {

    public static final String MANAGED_BY = "tailscale-maven-plugin";
    public static final String DEFAULT_PROXY_CLASS = "tailscale-default";

    /** A section and its resolved items; each method runs the section's contribution for every item, in config order. */
    public record Part<T extends Exposed>(Section<T> section, List<T> items) {
        public List<TemplateCall> templates() {
            List<TemplateCall> out = new ArrayList<>();
            items.forEach(item -> out.addAll(section.templates(item)));
            return out;
        }

        public List<TemplateCall> patches() {
            List<TemplateCall> out = new ArrayList<>();
            items.forEach(item -> out.addAll(section.patches(item)));
            return out;
        }

        void check(Exposure exposure, ExposureChecks.Problems problems) {
            items.forEach(item -> section.check(item, exposure, problems));
        }

        List<String> warnings(Exposure exposure) {
            List<String> out = new ArrayList<>();
            items.forEach(item -> out.addAll(section.warnings(item, exposure)));
            return out;
        }

        public void inventory(InventoryEntries entries) {
            items.forEach(item -> section.inventory(item, entries));
        }

        public void policy(PolicyPieces pieces) {
            items.forEach(item -> section.policy(item, pieces));
        }

        public void networkPolicy(NetworkPolicyIntents intents) {
            items.forEach(item -> section.networkPolicy(item, intents));
        }

        public List<String> scraped(ScrapeTargets targets) {
            return items.stream().map(item -> section.scraped(item, targets)).toList();
        }
    }

    /** ProxyClass name for PROXY_DEFAULT_CLASS, or "" for none. */
    public String defaultProxyClass() {
        return proxyClasses.defaultName();
    }

    /** Every item of every section, in section then config order. */
    public List<Exposed> items() {
        List<Exposed> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.items()));
        return all;
    }

    /** The items of one section. */
    @SuppressWarnings("unchecked") // a part holds items of its own section's type
    public <T extends Exposed> List<T> of(Section<T> section) {
        return parts.stream().filter(p -> p.section() == section).findFirst().map(p -> (List<T>) p.items()).orElse(List.of());
    }

    public record Port(String name, int port, Object targetPort, String protocol, Integer nodePort) {
        /** Whether a reference to a Service port, by number or by name, means this port. */
        public boolean isReferencedBy(Object servicePort) {
            return servicePort instanceof Integer n ? port == n : servicePort.equals(name);
        }
    }
}
