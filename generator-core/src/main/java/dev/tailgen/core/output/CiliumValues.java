package dev.tailgen.core.output;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.netpol.NetworkPolicies;

/**
 * {@code cilium/values.snippet.yaml}: the Helm values Cilium needs for the operator's proxies, to
 * merge into the user's Cilium values. With kube-proxy replacement Cilium load-balances ClusterIPs at
 * the socket inside every pod's namespace, so traffic an L4 ingress proxy forwards to a ClusterIP
 * never reaches the Service: {@code socketLB.hostNamespaceOnly: true} keeps that to the host
 * (Tailscale's Kubernetes operator docs; Cilium's agent flag {@code bpf-lb-sock-hostns-only}).
 */
public final class CiliumValues {
    public static final String FILE = "cilium/values.snippet.yaml";
    public static final String NOTE = "Cilium: merge " + FILE + " into Cilium's Helm values (socketLB.hostNamespaceOnly: true; agent flag"
            + " bpf-lb-sock-hostns-only), or with kube-proxy replacement the L4 proxies' forwarded traffic to ClusterIPs is lost";

    private CiliumValues() {
    }

    /** {@code cilium.socketLBHostNamespaceOnly} as set, else whether Cilium is the policy provider. */
    public static boolean wanted(TailscaleConfig config, String policyProvider) {
        Boolean set = config.cilium() == null ? null : config.cilium().socketLBHostNamespaceOnly();
        return set != null ? set : NetworkPolicies.CILIUM.equals(policyProvider);
    }

    public static OutputFile file(String configName) {
        return new OutputFile(FILE, "# Helm values for Cilium that the Tailscale operator's proxies need, generated from " + configName
                + " by tailscale-maven-plugin.\n"
                + "# Merge them into Cilium's values (helm upgrade ... -f values.yaml -f values.snippet.yaml, or a Flux HelmRelease's\n"
                + "# valuesFrom). Without it, with kube-proxy replacement, traffic the L4 proxies forward to ClusterIPs is lost.\n"
                + "socketLB:\n"
                + "  hostNamespaceOnly: true\n", false);
    }
}
