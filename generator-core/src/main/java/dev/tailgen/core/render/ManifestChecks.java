package dev.tailgen.core.render;

import dev.tailgen.talos.NamePatterns;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Talos and kubectl need of every object we emit: a well-formed name, a namespace on every
 * namespaced object (Talos puts it in "default" otherwise), none on cluster-scoped ones (it broke
 * upgrade-k8s on Talos 1.13), and no object twice.
 */
public final class ManifestChecks {
    private static final Pattern DNS_SUBDOMAIN = NamePatterns.DNS_SUBDOMAIN_PATTERN;
    private static final Pattern DNS_LABEL = NamePatterns.DNS_LABEL_PATTERN;
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "IngressClass",
            "PriorityClass", "StorageClass", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
            "CiliumClusterwideNetworkPolicy");

    private ManifestChecks() {
    }

    /** @param releaseClusterScoped the cluster-scoped kinds of the operator release's CRDs */
    public static void check(List<WrittenObject> objects, Set<String> releaseClusterScoped) {
        Set<String> seen = new HashSet<>();
        for (WrittenObject o : objects) {
            String kind = o.kind();
            String name = o.name();
            String ns = o.namespace();
            String what = kind + " " + name;
            if (name == null || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
                throw new ManifestException(what + ": metadata.name is not a DNS-1123 subdomain");
            }
            if (CLUSTER_SCOPED.contains(kind) || releaseClusterScoped.contains(kind)) {
                if (ns != null) {
                    throw new ManifestException(what + ": cluster-scoped objects must not set metadata.namespace (got " + ns + ")");
                }
            } else if (ns == null || !DNS_LABEL.matcher(ns).matches()) {
                throw new ManifestException(what + ": namespaced objects must set metadata.namespace to a DNS label (got " + ns + ")");
            }
            if (!seen.add(o.apiVersion() + "/" + kind + "/" + ns + "/" + name)) {
                throw new ManifestException(what + (ns == null ? "" : " in " + ns) + " is emitted twice");
            }
        }
    }
}
