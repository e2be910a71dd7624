package dev.tailgen.core.operator;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Facts about the Tailscale operator releases this plugin knows: the tested default version, the
 * CRD set (it depends on the version: peerrelays arrived in v1.102.0) and where each CRD is pinned.
 */
public final class OperatorRelease {
    public static final String DEFAULT_VERSION = "v1.102.3";
    public static final String OPERATOR_REPOSITORY = "tailscale/k8s-operator";
    public static final String PROXY_REPOSITORY = "tailscale/tailscale";

    /** The 8 CRD plurals of v1.102.x, in upstream file-name order. */
    public static final List<String> CRD_PLURALS = List.of(
            "connectors", "dnsconfigs", "peerrelays", "proxyclasses",
            "proxygrouppolicies", "proxygroups", "recorders", "tailnets");

    private static final Pattern SUPPORTED = Pattern.compile("v1\\.102\\.[0-9]+");

    private OperatorRelease() {
    }

    public static boolean supported(String version) {
        return SUPPORTED.matcher(version).matches();
    }

    public static String crdName(String plural) {
        return plural + ".tailscale.com";
    }

    /** The upstream CRD file, pinned to the operator's git tag. */
    public static String crdUrl(String version, String plural) {
        return "https://raw.githubusercontent.com/tailscale/tailscale/" + version
                + "/cmd/k8s-operator/deploy/crds/tailscale.com_" + plural + ".yaml";
    }
}
