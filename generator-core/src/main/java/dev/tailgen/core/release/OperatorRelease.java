package dev.tailgen.core.release;

import dev.tailgen.talos.ExternalManifest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator release a config renders: its version and the facts of its line. An untested patch of
 * a known line renders with the line's facts and images pinned to itself.
 */
public record OperatorRelease(OperatorVersion version, ReleaseLine line) {

    public String versionText() {
        return version.toString();
    }

    public boolean tested() {
        return line.tested().contains(versionText());
    }

    /** One line for the build log when the patch is not one the plugin was tested with. */
    public Optional<String> untestedNote() {
        if (tested()) {
            return Optional.empty();
        }
        return Optional.of("operator " + versionText() + " is not a tested patch of " + line.line() + " (tested: "
                + String.join(", ", line.tested()) + "): images and CRD URLs are pinned to " + versionText()
                + ", CRDs, RBAC and env are those of " + line.tested().get(0));
    }

    public List<ReleaseLine.Crd> crds() {
        return line.crds();
    }

    /** The kinds of the line's cluster-scoped CRDs. */
    public Set<String> clusterScopedKinds() {
        return line.crds().stream().filter(ReleaseLine.Crd::clusterScoped).map(ReleaseLine.Crd::kind).collect(Collectors.toUnmodifiableSet());
    }

    /** The CRDs as Talos external manifests, named {@code tailscale-crd-<plural>} on every line and Talos version. */
    public List<ExternalManifest> crdManifests() {
        return line.crds().stream().map(c -> new ExternalManifest("tailscale-crd-" + c.plural(), crdUrl(c))).toList();
    }

    /** The CRD's upstream file, pinned to the operator's git tag. */
    private String crdUrl(ReleaseLine.Crd crd) {
        return "https://raw.githubusercontent.com/tailscale/tailscale/" + versionText()
                + "/cmd/k8s-operator/deploy/crds/" + crd.group() + "_" + crd.plural() + ".yaml";
    }
}
