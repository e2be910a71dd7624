package dev.tailgen.core.inventory;

import java.util.List;
import java.util.Map;

/**
 * What the config puts on the tailnet, as a reader needs it: every exposure with its Kubernetes
 * object, MagicDNS name and the URLs a developer types; the subnet routers and egress targets; and
 * every tailnet device the operator will create, counted against the free plan.
 */
public record Inventory(
        String cluster,
        String tailnetDomain,
        String operatorVersion,
        List<Endpoint> exposures,
        List<Router> routers,
        List<Egress> egress,
        List<ProxyGroupEntry> proxyGroups,
        List<Device> devices,
        List<Access> access,
        ApiServerSection apiServer,
        NetworkPolicySection networkPolicy,
        List<String> scraped,
        TalosSection talos,
        ProxyClassSection proxyClasses) {

    /** Devices included in Tailscale's free (Personal) plan. */
    public static final int FREE_PLAN_DEVICES = 100;
    /** From this many devices on, the report and the build log warn. */
    public static final int WARN_AT_DEVICES = 80;

    /**
     * @param kind          Service or Ingress
     * @param object        {@code Service default/internal-api}
     * @param ports         the ports the proxy listens on, on the tailnet
     * @param target        what the proxy forwards to: the Service's ports, or the Ingress backend
     * @param publicAccess  how the exposure is also reachable outside the tailnet, or null
     * @param patch         for an adopted object (another tool owns it): the patch file to apply to it, else null
     * @param proxyGroup    for a Tailscale Service ({@code svc:<hostname>}): the ProxyGroup serving it, else null (its own proxy device)
     */
    public record Endpoint(String kind, String object, String hostname, String magicDns, List<String> urls,
            List<String> tags, List<Integer> ports, String target, String publicAccess, String patch, String proxyGroup) {
    }

    /**
     * @param devices its replicas' MagicDNS names
     * @param serves  the objects it serves or carries
     */
    public record ProxyGroupEntry(String object, String type, List<String> devices, List<String> tags, List<String> serves) {
        /** The group's name: its object is {@code ProxyGroup <name>}. */
        public String name() {
            return object.substring(object.indexOf(' ') + 1);
        }
    }

    /** One line of the access matrix: {@code who} reaches {@code exposure} (a MagicDNS name) on {@code ports}, by rule {@code rule}. */
    public record Access(String who, String exposure, String ports, String rule) {
    }

    /** @param policies one line per generated policy; @param notes what the cluster must provide for them */
    public record NetworkPolicySection(String provider, List<String> policies, List<String> notes) {
        public static final NetworkPolicySection NONE = new NetworkPolicySection("none", List.of(), List.of());
    }

    /**
     * @param inlineBytes size of each inline manifest in the patch
     * @param warning     the size warning, or null
     * @param role        talos.role: owner or bootstrap
     * @param owners      who owns each output file's objects once the cluster runs
     */
    public record TalosSection(String version, String patch, long patchBytes, Map<String, Long> inlineBytes, String warning, String role,
            List<Owner> owners) {
    }

    /** @param file a manifests/ file, the CRD URLs or the Secret's patch; @param owner as {@code Delivery} says it */
    public record Owner(String file, int objects, String owner) {
    }

    /**
     * @param classes the ProxyClasses rendered here, in config order
     * @param notes   what the cluster must provide for them (a device plugin) and who gets no class
     */
    public record ProxyClassSection(List<ProxyClassEntry> classes, List<String> notes) {
        public static final ProxyClassSection NONE = new ProxyClassSection(List.of(), List.of());
    }

    /**
     * @param definedBy   {@code proxyClasses[0]}, or what made us generate it
     * @param tunResource the TUN device resource it requests, or null
     * @param mode        kernel or userspace
     * @param usedBy      the Kubernetes objects whose proxies use it
     */
    public record ProxyClassEntry(String name, String definedBy, boolean isDefault, String tunResource, String mode, boolean metrics,
            List<String> usedBy) {
    }

    public Inventory withTalos(TalosSection section) {
        return new Inventory(cluster, tailnetDomain, operatorVersion, exposures, routers, egress, proxyGroups, devices, access, apiServer,
                networkPolicy, scraped, section, proxyClasses);
    }

    /** @param matrix the access matrix; @param section who may use kubectl through which API server proxy */
    public Inventory withAccess(List<Access> matrix, ApiServerSection section) {
        return new Inventory(cluster, tailnetDomain, operatorVersion, exposures, routers, egress, proxyGroups, devices, List.copyOf(matrix),
                section, networkPolicy, scraped, talos, proxyClasses);
    }

    public Inventory withNetworkPolicy(NetworkPolicySection section) {
        return new Inventory(cluster, tailnetDomain, operatorVersion, exposures, routers, egress, proxyGroups, devices, access, apiServer,
                section, scraped, talos, proxyClasses);
    }

    /** @param targets one line per metrics endpoint Prometheus will scrape */
    public Inventory withScraped(List<String> targets) {
        return new Inventory(cluster, tailnetDomain, operatorVersion, exposures, routers, egress, proxyGroups, devices, access, apiServer,
                networkPolicy, List.copyOf(targets), talos, proxyClasses);
    }

    /**
     * kubectl over the tailnet.
     *
     * @param proxies the API server proxies: the operator's in-process one and kube-apiserver ProxyGroups
     * @param access  who impersonates which Kubernetes groups, bound to which ClusterRole
     */
    public record ApiServerSection(List<ApiServerProxyEntry> proxies, List<ApiAccessEntry> access) {
        public static final ApiServerSection NONE = new ApiServerSection(List.of(), List.of());
    }

    /** @param kubeconfig the command that points kubectl at it */
    public record ApiServerProxyEntry(String magicDns, String object, String mode, List<String> tags, String kubeconfig) {
    }

    /**
     * @param binding the ClusterRoleBinding that binds the groups, or null when the config binds none
     * @param proxies the MagicDNS names of the API server proxies the grant reaches
     */
    public record ApiAccessEntry(List<String> src, List<String> groups, String clusterRole, String binding, List<String> proxies) {
    }

    public record Router(String object, List<String> devices, List<String> routes, boolean exitNode, List<String> tags) {
    }

    /**
     * @param clusterAddress what a pod connects to
     * @param target         the tailnet device behind it
     * @param proxyGroup     the ProxyGroup carrying it, or null for its own proxy
     */
    public record Egress(String object, String clusterAddress, String target, List<String> ports, String device, String proxyGroup) {
    }

    /** @param role operator, service proxy, ingress proxy, connector, egress proxy */
    public record Device(String name, String magicDns, String role, String object, List<String> tags) {
    }

    public int deviceCount() {
        return devices.size();
    }

    /** The warning for the build log and the report when the device count nears or passes the free plan, or null. */
    public String deviceWarning() {
        int n = deviceCount();
        if (n > FREE_PLAN_DEVICES) {
            return "this config creates " + n + " tailnet devices, more than the " + FREE_PLAN_DEVICES
                    + " of Tailscale's free plan: the tailnet needs a paid plan";
        }
        if (n >= WARN_AT_DEVICES) {
            return "this config creates " + n + " tailnet devices, near the " + FREE_PLAN_DEVICES
                    + " of Tailscale's free plan (other machines on the tailnet count too)";
        }
        return null;
    }
}
