package dev.tailgen.core.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Apply order: Namespace, CRDs, ServiceAccounts, Secrets/ConfigMaps, RBAC, Services, workloads,
 * IngressClass, other built-ins, custom resources; then namespace and name. Talos and kubectl both
 * apply in file order after their own Namespace/CRD pass, so this order works for both.
 */
public final class KindOrder {
    private static final List<List<String>> RANKS = List.of(
            List.of("Namespace"),
            List.of("CustomResourceDefinition"),
            List.of("ServiceAccount"),
            List.of("Secret", "ConfigMap"),
            List.of("ClusterRole", "Role"),
            List.of("ClusterRoleBinding", "RoleBinding"),
            List.of("Service"),
            List.of("Deployment", "StatefulSet", "DaemonSet"),
            List.of("IngressClass"),
            List.of("Ingress", "NetworkPolicy"));

    public static final Comparator<HasMetadata> COMPARATOR = Comparator
            .comparingInt((HasMetadata o) -> rank(o.getKind()))
            .thenComparing(HasMetadata::getKind)
            .thenComparing(o -> Objects.requireNonNullElse(o.getMetadata().getNamespace(), ""))
            .thenComparing(o -> o.getMetadata().getName());

    public static final Comparator<Manifest> MANIFESTS = Comparator.comparing(Manifest::object, COMPARATOR);

    private KindOrder() {
    }

    static int rank(String kind) {
        for (int i = 0; i < RANKS.size(); i++) {
            if (RANKS.get(i).contains(kind)) {
                return i;
            }
        }
        return RANKS.size(); // custom resources last
    }
}
