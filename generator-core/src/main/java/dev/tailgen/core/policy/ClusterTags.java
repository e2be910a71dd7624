package dev.tailgen.core.policy;

import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.operator.OperatorInstall;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags the cluster puts on the tailnet: the operator's own, and those of every proxy and
 * Connector (defaults resolved). The operator must own every one of the latter.
 */
record ClusterTags(Set<String> operatorTags, Set<String> objectTags) {

    static ClusterTags of(OperatorInstall install, Exposure exposure) {
        Set<String> object = new LinkedHashSet<>(install.proxyTags());
        exposure.items().forEach(item -> object.addAll(item.tags()));
        Set<String> operator = new LinkedHashSet<>(install.tags());
        object.removeAll(operator);
        return new ClusterTags(operator, object);
    }

    Set<String> all() {
        Set<String> all = new LinkedHashSet<>(operatorTags);
        all.addAll(objectTags);
        return all;
    }

    List<String> owners() {
        return List.copyOf(operatorTags);
    }
}
