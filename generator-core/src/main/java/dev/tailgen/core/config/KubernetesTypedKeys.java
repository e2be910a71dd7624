package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.render.KubernetesValues;
import dev.tailgen.core.render.ShapeException;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewaySpec;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Config keys whose value is a Kubernetes type, passed through to the rendered object as written:
 * each is checked against that type's strict schema (unknown fields, wrong types and missing required
 * fields fail at the config line that holds them). The schema says only "a mapping" or "a list" for these;
 * {@code *} stands for every item of a list.
 */
final class KubernetesTypedKeys {
    private record Key(String pointer, String typeName, Type type) {
    }

    private static final List<Key> KEYS = List.of(
            new Key("/operator/tolerations", "list of Toleration", KubernetesValues.fieldType(PodSpec.class, "tolerations")),
            new Key("/operator/affinity", "Affinity", Affinity.class),
            new Key("/operator/podSecurityContext", "PodSecurityContext", PodSecurityContext.class),
            new Key("/operator/securityContext", "SecurityContext", SecurityContext.class),
            new Key("/operator/extraEnv", "list of EnvVar", KubernetesValues.fieldType(Container.class, "env")),
            new Key("/proxyClasses/*/securityContext", "SecurityContext", SecurityContext.class),
            new Key("/proxyClasses/*/initContainer/securityContext", "SecurityContext", SecurityContext.class),
            new Key("/proxyClasses/*/resources", "ResourceRequirements", ResourceRequirements.class),
            new Key("/proxyClasses/*/tolerations", "list of Toleration", KubernetesValues.fieldType(PodSpec.class, "tolerations")),
            new Key("/proxyClasses/*/affinity", "Affinity", Affinity.class),
            new Key("/gateways/*/listeners", "list of Gateway API Listener", KubernetesValues.fieldType(GatewaySpec.class, "listeners")));

    private KubernetesTypedKeys() {
    }

    static List<ConfigProblem> check(ConfigDocument doc) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (Key key : KEYS) {
            for (String pointer : doc.matching(key.pointer())) {
                if (doc.tree().at(pointer).isNull()) {
                    continue;
                }
                try {
                    KubernetesValues.check(pointer, doc.tree().at(pointer), key.type());
                } catch (ShapeException e) {
                    String at = pointer;
                    for (Object segment : e.path()) {
                        at = segment instanceof Integer index ? ConfigPath.child(at, index) : ConfigPath.child(at, (String) segment);
                    }
                    String message = e.problem() + " (" + ConfigPath.fromPointer(pointer) + " is a Kubernetes " + key.typeName() + ")";
                    problems.add(e.atKey() ? doc.problemAtKey(at, message) : doc.problemAt(at, message));
                }
            }
        }
        return problems;
    }
}
