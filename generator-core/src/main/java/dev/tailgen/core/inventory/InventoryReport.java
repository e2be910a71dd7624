package dev.tailgen.core.inventory;

import dev.tailgen.core.exposure.EgressSection;
import dev.tailgen.core.inventory.Inventory.Access;
import dev.tailgen.core.inventory.Inventory.Device;
import dev.tailgen.core.inventory.Inventory.Egress;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.inventory.Inventory.Router;
import dev.tailgen.core.output.OutputLayout;
import dev.tailgen.core.output.TalosSizes;
import java.util.ArrayList;
import java.util.List;

/** REPORT.md: the topology diagram first, then one table per kind of tailnet presence. */
public final class InventoryReport {
    private final StringBuilder md = new StringBuilder();

    private InventoryReport() {
    }

    /**
     * @param configName how the config file is named in the header
     * @param regenerate the command the header names for regenerating the report (the front-end's)
     */
    public static String write(Inventory inv, String configName, String regenerate) {
        InventoryReport r = new InventoryReport();
        r.line("# Tailnet report: " + inv.cluster());
        r.line("");
        r.line("Generated from " + configName + " by tailscale-maven-plugin (operator " + inv.operatorVersion()
                + ", tailnet `" + inv.tailnetDomain() + "`). Do not edit: change the config and run `" + regenerate + "`.");
        r.line("");
        r.line("## Topology");
        r.line("");
        r.line("```mermaid");
        r.md.append(TopologyDiagram.mermaid(inv));
        r.line("```");
        r.exposures(inv.exposures());
        r.routers(inv.routers());
        r.egress(inv.egress());
        r.proxyGroups(inv.proxyGroups());
        r.proxyClasses(inv.proxyClasses());
        r.access(inv.access());
        r.apiServer(inv.apiServer());
        r.networkPolicy(inv.networkPolicy());
        r.monitoring(inv.scraped());
        r.talos(inv.talos());
        r.devices(inv);
        return r.md.toString();
    }

    private void exposures(List<Endpoint> endpoints) {
        section("Exposures", endpoints.isEmpty(), "No Service or Ingress is exposed to the tailnet.");
        if (endpoints.isEmpty()) {
            return;
        }
        table(List.of("MagicDNS name", "URL", "Kubernetes object", "Forwards to", "Tags", "Also reachable"));
        for (Endpoint e : endpoints) {
            row(code(e.magicDns()), String.join("<br>", e.urls()), e.proxyGroup() == null ? e.object()
                    : e.object() + "<br>Tailscale Service `svc:" + e.hostname() + "`"
                            + (e.object().equals("ProxyGroup " + e.proxyGroup()) ? "" : " on ProxyGroup " + e.proxyGroup()),
                    e.target(), String.join(", ", e.tags()), e.publicAccess() == null ? "tailnet only" : e.publicAccess());
        }
        if (endpoints.stream().anyMatch(e -> e.proxyGroup() != null)) {
            line("");
            line("Tailscale Services: every replica of the ProxyGroup serves the name, so it stays up while one restarts. Their tags tag"
                    + " the Tailscale Service, `autoApprovers.services` in `" + OutputLayout.POLICY + "` lets the group's devices"
                    + " advertise it, and the operator's OAuth client needs the `services` scope. A Service or Ingress that had a"
                    + " proxy of its own cannot move onto a ProxyGroup in place: the operator keeps the old device; remove its"
                    + " exposure first (apply, wait for the proxy to go), then add `proxyGroup`.");
        }
        List<Endpoint> adopted = endpoints.stream().filter(e -> e.patch() != null).toList();
        if (!adopted.isEmpty()) {
            line("");
            line("Adopted: another tool owns these objects, so the config renders a patch for each instead (`"
                    + OutputLayout.PATCHES + "kustomization.yaml` is a kustomize Component listing them). Until it is applied,"
                    + " the operator does not see them; Talos carries none.");
            line("");
            for (Endpoint e : adopted) {
                line("- " + e.object() + ": `" + e.patch() + "`");
            }
        }
    }

    private void routers(List<Router> routers) {
        section("Subnet routers and exit nodes", routers.isEmpty(), "No Connector: the tailnet reaches no cluster or LAN CIDR.");
        if (routers.isEmpty()) {
            return;
        }
        table(List.of("Connector", "Devices", "Routes", "Exit node", "Tags"));
        for (Router r : routers) {
            row(r.object(), String.join("<br>", r.devices().stream().map(InventoryReport::code).toList()),
                    String.join(", ", r.routes()), r.exitNode() ? "yes" : "no", String.join(", ", r.tags()));
        }
        line("");
        line("Routes and exit nodes are active once approved: by `autoApprovers` in the tailnet policy or in the admin console.");
    }

    private void egress(List<Egress> egress) {
        section("Egress: cluster workloads reaching tailnet devices", egress.isEmpty(), "No egress target.");
        if (egress.isEmpty()) {
            return;
        }
        table(List.of("Cluster address", "Tailnet target", "Ports", "Kubernetes object", "Proxy device"));
        for (Egress e : egress) {
            row(code(e.clusterAddress()), code(e.target()), String.join(", ", e.ports()), e.object(),
                    e.proxyGroup() == null ? code(e.device()) : "ProxyGroup " + e.proxyGroup() + ": pods reach its replicas on ports "
                            + EgressSection.EGRESS_GROUP_PORTS + " (the operator maps each target port into that range)");
        }
    }

    private void proxyGroups(List<Inventory.ProxyGroupEntry> groups) {
        if (groups.isEmpty()) {
            return;
        }
        section("Proxy groups", false, "");
        table(List.of("ProxyGroup", "Type", "Devices", "Tags", "Serves"));
        for (Inventory.ProxyGroupEntry g : groups) {
            row(g.object(), g.type(), String.join("<br>", g.devices().stream().map(InventoryReport::code).toList()),
                    String.join(", ", g.tags()), g.serves().isEmpty() ? (g.type().equals("kube-apiserver") ? "the Kubernetes API server" : "nothing yet")
                            : String.join("<br>", g.serves()));
        }
    }

    /** kubectl over the tailnet: the proxies and their kubeconfig commands, then who impersonates which groups. */
    private void apiServer(Inventory.ApiServerSection api) {
        if (api.proxies().isEmpty() && api.access().isEmpty()) {
            return;
        }
        section("kubectl over the tailnet", false, "");
        table(List.of("API server proxy", "Run by", "Mode", "Tags", "Point kubectl at it"));
        for (Inventory.ApiServerProxyEntry p : api.proxies()) {
            row(code(p.magicDns()), p.object(), p.mode(), String.join(", ", p.tags()), code(p.kubeconfig()));
        }
        line("");
        line("`tailscale configure kubeconfig` writes a cluster and context named after the proxy's MagicDNS name and makes it current;"
                + " a Tailscale Service name needs a Tailscale client 1.86 or later. In auth mode the proxy impersonates the caller; in"
                + " noauth mode the client's own credentials pass through.");
        if (api.access().isEmpty()) {
            return;
        }
        line("");
        table(List.of("Who", "Kubernetes groups", "ClusterRole", "Through"));
        for (Inventory.ApiAccessEntry a : api.access()) {
            row(String.join(", ", a.src()), String.join(", ", a.groups()),
                    a.clusterRole() == null ? "none bound here: bind the groups yourself" : a.clusterRole() + " (" + a.binding() + ")",
                    String.join("<br>", a.proxies().stream().map(InventoryReport::code).toList()));
        }
    }

    private void proxyClasses(Inventory.ProxyClassSection section) {
        if (section.classes().isEmpty() && section.notes().isEmpty()) {
            return;
        }
        section("Proxy classes", section.classes().isEmpty(), "No ProxyClass is rendered here.");
        if (!section.classes().isEmpty()) {
            table(List.of("ProxyClass", "Defined by", "Default", "TUN device", "Mode", "Metrics", "Used by"));
            for (Inventory.ProxyClassEntry c : section.classes()) {
                row(code(c.name()), c.definedBy(), c.isDefault() ? "yes" : "no", c.tunResource() == null ? "none" : code(c.tunResource()),
                        c.mode(), c.metrics() ? "on" : "off", c.usedBy().isEmpty() ? "nothing yet" : String.join("<br>", c.usedBy()));
            }
        }
        for (String note : section.notes()) {
            line("");
            line(note);
        }
    }

    private void access(List<Access> matrix) {
        section("Access matrix", matrix.isEmpty(), "No acl.rules: access is whatever the rest of your tailnet policy grants.");
        if (matrix.isEmpty()) {
            return;
        }
        line("Derived from `acl.rules` (the generated policy fragment in `" + OutputLayout.POLICY + "`); the rest of the tailnet policy may grant more.");
        line("");
        table(List.of("Who", "Reaches", "Ports", "By"));
        for (Access a : matrix) {
            boolean none = a.ports().isEmpty();
            row(a.who(), none ? "nothing in this cluster" : code(a.exposure()), a.ports(), a.rule());
        }
    }

    private void networkPolicy(Inventory.NetworkPolicySection np) {
        boolean none = np.provider().equals("none");
        section("Network policies", none, "None generated (`networkPolicy.provider: none`): the cluster relies on its default policy,"
                + " so any pod may reach the exposed backends and the proxies may reach anything.");
        if (none) {
            return;
        }
        line("Provider `" + np.provider() + "`: " + np.policies().size() + " policies.");
        line("");
        for (String p : np.policies()) {
            line("- " + p);
        }
        for (String note : np.notes()) {
            line("");
            line("> " + note);
        }
    }

    private void monitoring(List<String> scraped) {
        section("Monitoring", scraped.isEmpty(), "Off (`monitoring.serviceMonitor: false`): nothing is scraped.");
        for (String target : scraped) {
            line("- " + target);
        }
    }

    private void talos(Inventory.TalosSection t) {
        if (t == null) {
            return;
        }
        section("Talos patch", false, "");
        line("`" + t.patch() + "` (Talos " + t.version() + ", control planes only): " + TalosSizes.human(t.patchBytes()) + ".");
        line("");
        table(List.of("Inline manifest", "Size"));
        t.inlineBytes().forEach((name, bytes) -> row(code(name), TalosSizes.human(bytes)));
        if (t.warning() != null) {
            line("");
            line("> **Warning:** " + t.warning() + ".");
        }
        line("");
        line("Next: `talosctl gen config <cluster> <endpoint> --config-patch-control-plane @" + t.patch() + "` for a new cluster,"
                + " or `talosctl patch mc -n <control-plane> --patch @" + t.patch() + "` on a running one. Talos creates manifests"
                + " but never updates them: push a change with `talosctl -n <control-plane> upgrade-k8s --to <current Kubernetes version>`.");
        owners(t);
    }

    /** Who applies what: Talos, GitOps (manifests/kustomization.yaml) or both, per talos.role. */
    private void owners(Inventory.TalosSection t) {
        section("Owners", false, "");
        if ("bootstrap".equals(t.role())) {
            line("`talos.role: bootstrap`: Talos applies the operator when the cluster is created, so GitOps can start; from then on `"
                    + OutputLayout.KUSTOMIZATION + "` (a Flux Kustomization or an Argo CD Application) owns every object, CRD upgrades"
                    + " included. Talos never updates at boot what it created, but `talosctl upgrade-k8s` re-applies the patch's"
                    + " manifests (Talos 1.13+ also prunes what the patch no longer lists): keep the patch in step with the folder"
                    + " (both come from this config) and run `upgrade-k8s` with `--manifests-no-prune`, or hand the objects over for"
                    + " good: on Talos 1.13+ delete their entries from ConfigMap `kube-system/talos-bootstrap-manifests-inventory`"
                    + " and remove their `config.k8s.io/owning-inventory` annotation, then drop the patch from the machine config.");
        } else {
            line("`talos.role: owner`: Talos owns what its patch carries (`upgrade-k8s` pushes changes); `" + OutputLayout.KUSTOMIZATION
                    + "` lists only the rest, for GitOps or `kubectl apply -k`, so every object has one owner.");
        }
        line("");
        table(List.of("File", "Objects", "Owner"));
        t.owners().forEach(o -> row(code(o.file()), String.valueOf(o.objects()), o.owner()));
    }

    private void devices(Inventory inv) {
        line("");
        line("## Tailnet devices");
        line("");
        line("This config creates " + inv.deviceCount() + " tailnet devices (the operator and one per proxy or Connector replica); "
                + "Tailscale's free plan includes " + Inventory.FREE_PLAN_DEVICES + ".");
        String warning = inv.deviceWarning();
        if (warning != null) {
            line("");
            line("> **Warning:** " + warning + ".");
        }
        line("");
        table(List.of("Device", "Role", "Kubernetes object", "Tags"));
        for (Device d : inv.devices()) {
            row(code(d.magicDns()), d.role(), d.object(), String.join(", ", d.tags()));
        }
    }

    private void section(String title, boolean empty, String whenEmpty) {
        line("");
        line("## " + title);
        line("");
        if (empty) {
            line(whenEmpty);
        }
    }

    private void table(List<String> headers) {
        row(headers.toArray(String[]::new));
        List<String> rule = new ArrayList<>();
        headers.forEach(h -> rule.add("---"));
        row(rule.toArray(String[]::new));
    }

    private void row(String... cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String cell : cells) {
            sb.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        line(sb.toString());
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
