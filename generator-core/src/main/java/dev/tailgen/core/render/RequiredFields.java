package dev.tailgen.core.render;

import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.List;
import java.util.Map;

/**
 * The required fields of the Kubernetes types a config may hold (the operator's affinity,
 * tolerations, security contexts and extra env), which fabric8's classes do not record. From the
 * Kubernetes OpenAPI schema; {@code RequiredFieldsTest} walks the strict schema of a Deployment's pod
 * spec and holds this table equal to its {@code required} lists.
 */
final class RequiredFields {
    static final Map<Class<?>, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry(EnvVar.class, List.of("name")),
            Map.entry(ConfigMapKeySelector.class, List.of("key")),
            Map.entry(SecretKeySelector.class, List.of("key")),
            Map.entry(ObjectFieldSelector.class, List.of("fieldPath")),
            Map.entry(ResourceFieldSelector.class, List.of("resource")),
            Map.entry(NodeSelector.class, List.of("nodeSelectorTerms")),
            Map.entry(NodeSelectorRequirement.class, List.of("key", "operator")),
            Map.entry(PreferredSchedulingTerm.class, List.of("weight", "preference")),
            Map.entry(WeightedPodAffinityTerm.class, List.of("weight", "podAffinityTerm")),
            Map.entry(PodAffinityTerm.class, List.of("topologyKey")),
            Map.entry(LabelSelectorRequirement.class, List.of("key", "operator")),
            Map.entry(SeccompProfile.class, List.of("type")),
            Map.entry(AppArmorProfile.class, List.of("type")),
            Map.entry(Sysctl.class, List.of("name", "value")));

    private RequiredFields() {
    }

    static List<String> of(Class<?> type) {
        return BY_TYPE.getOrDefault(type, List.of());
    }
}
