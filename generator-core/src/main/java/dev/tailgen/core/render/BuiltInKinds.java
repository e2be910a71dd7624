package dev.tailgen.core.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Kubernetes kinds we emit, by apiVersion and kind, with the fabric8 class each is checked
 * against ({@link ModelShapes}). fabric8's own registry of every kind of every model jar would load
 * some 120 classes for kinds we never write, and accept any of them. A kind not listed here is a
 * custom resource and must have a shape ({@link CustomResourceShapes}).
 */
final class BuiltInKinds {
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Stream.of(
                    Namespace.class, ServiceAccount.class, Secret.class, Service.class, Deployment.class,
                    DaemonSet.class, // the generic device plugin
                    ClusterRole.class, ClusterRoleBinding.class, Role.class, RoleBinding.class,
                    Ingress.class, IngressClass.class, NetworkPolicy.class,
                    CustomResourceDefinition.class, // read from the user's download for crds: inline
                    Gateway.class) // Gateway API: fabric8 models it, so it is checked as strictly as the built-ins
            .collect(Collectors.toUnmodifiableMap(BuiltInKinds::key, Function.identity()));

    private BuiltInKinds() {
    }

    /** @return the fabric8 type, or null for a kind we only know as a custom resource */
    static Class<? extends HasMetadata> type(String apiVersion, String kind) {
        return TYPES.get(apiVersion + "/" + kind);
    }

    private static String key(Class<? extends HasMetadata> type) {
        return HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type);
    }
}
