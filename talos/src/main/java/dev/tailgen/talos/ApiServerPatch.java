package dev.tailgen.talos;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A control-plane patch setting kube-apiserver flags: {@code cluster.apiServer.extraArgs} up to Talos
 * 1.13, a {@code KubeAPIServerConfig} document from 1.14 on (upstream/talos/v1.14: v1alpha1's
 * {@code cluster} has no {@code apiServer}, and the document requires {@code image}).
 */
public final class ApiServerPatch {
    /** Talos' own default image, for the version the user names. */
    static final String IMAGE = "registry.k8s.io/kube-apiserver:";

    private ApiServerPatch() {
    }

    /**
     * @param extraArgs         flag name -> value, in the order to write
     * @param kubernetesVersion {@code v1.35.0}; needed from Talos 1.14 on, not written before
     */
    public static String render(TalosVersion version, List<String> headerComment, Map<String, String> extraArgs, String kubernetesVersion) {
        Objects.requireNonNull(version, "version");
        StringBuilder out = new StringBuilder();
        TalosPatch.writeHeader(out, headerComment); // the config's name is in it: the same check as the install patch's header
        int indent;
        if (version.usesApiServerDocument()) {
            if (kubernetesVersion == null) {
                throw new TalosPatchException("Talos " + version + " needs the Kubernetes version for the KubeAPIServerConfig image");
            }
            out.append("apiVersion: v1alpha1\nkind: KubeAPIServerConfig\n")
                    .append("image: ").append(Scalars.scalar(IMAGE + kubernetesVersion)).append('\n')
                    .append("extraArgs:\n");
            indent = 2;
        } else {
            out.append("cluster:\n  apiServer:\n    extraArgs:\n");
            indent = 6;
        }
        extraArgs.forEach((flag, value) -> out.append(" ".repeat(indent)).append(Scalars.scalar(flag)).append(": ")
                .append(Scalars.scalar(value)).append('\n'));
        return out.toString();
    }
}
