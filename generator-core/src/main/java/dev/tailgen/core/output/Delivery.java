package dev.tailgen.core.output;

import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.config.TailscaleConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who applies each manifest group, decided once for the Talos patch, manifests/kustomization.yaml,
 * the report's Owners table and the two-owners warning. Talos creates manifests but never updates
 * them at boot (talosctl upgrade-k8s does), so an object applied by both Talos and GitOps drifts
 * between two owners; with talos.role: owner the kustomization leaves out what Talos carries, with
 * talos.role: bootstrap Talos carries only the operator and GitOps takes everything over.
 *
 * @param bootstrapOnly     talos.role: bootstrap
 * @param inTalos           groups Talos carries as inline manifests, in apply order (the CRD URLs, when used, are always in Talos too)
 * @param kustomized        groups manifests/kustomization.yaml lists, in apply order
 * @param secretKustomized  the kustomization lists the OAuth Secret's file
 * @param twoOwners         groups both apply unplanned (the Secret's group included), each named in a warning
 * @param warnings          the two-owners warnings, located at the key that causes them
 */
public record Delivery(boolean bootstrapOnly, Set<String> inTalos, List<String> kustomized, boolean secretKustomized,
        Set<String> twoOwners, List<String> warnings) {

    /**
     * @param alwaysInTalos the install and its CRDs: what a cluster needs before anything else runs
     * @param sectionGroups talos.include name -> group
     * @param namespaces    the group of the exposures' Namespaces, carried with any included section
     * @param present       every rendered group, in apply order
     * @param hasSecret     the config renders the OAuth Secret (its own Talos patch)
     */
    public static Delivery plan(ConfigDocument doc, TailscaleConfig config, List<String> alwaysInTalos, Map<String, String> sectionGroups,
            String namespaces, Set<String> present, boolean hasSecret) {
        TailscaleConfig.Talos talos = config.talos();
        boolean bootstrap = talos.bootstrapOnly();
        List<String> include = talos.include() == null ? List.of() : talos.include();
        Set<String> inTalos = new LinkedHashSet<>(alwaysInTalos);
        if (!include.isEmpty()) {
            inTalos.add(namespaces);
        }
        include.forEach(section -> inTalos.add(sectionGroups.get(section)));
        inTalos.retainAll(present);
        List<String> kustomized = present.stream().filter(group -> bootstrap || !inTalos.contains(group)).toList();
        boolean secretKustomized = hasSecret && config.gitops() != null && Boolean.TRUE.equals(config.gitops().includeSecret());

        Set<String> twoOwners = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        List<String> included = inTalos.stream().filter(group -> bootstrap && !alwaysInTalos.contains(group)).toList();
        if (!included.isEmpty()) {
            twoOwners.addAll(included);
            warnings.add(doc.problemAt("/talos/include", "with talos.role: bootstrap, Talos and manifests/kustomization.yaml would both apply "
                    + String.join(", ", included) + "; Talos creates objects and never updates them at boot, so two owners drift: drop"
                    + " talos.include (GitOps applies them), or set talos.role: owner (Talos keeps them, the kustomization leaves them out)")
                    .format());
        }
        if (secretKustomized && !bootstrap) {
            twoOwners.add(OutputLayout.SECRET_GROUP);
            warnings.add(doc.problemAt("/gitops/includeSecret", "with talos.role: owner, Talos (" + OutputLayout.SECRET_PATCH
                    + ") and manifests/kustomization.yaml would both apply the OAuth Secret; Talos creates it and never updates it at"
                    + " boot, so two owners drift: drop gitops.includeSecret, or set talos.role: bootstrap (GitOps owns it after"
                    + " bootstrap)").format());
        }
        return new Delivery(bootstrap, Collections.unmodifiableSet(inTalos), kustomized, secretKustomized, Set.copyOf(twoOwners),
                List.copyOf(warnings));
    }

    /** Who owns {@code group} once the cluster runs, as the report says it. */
    public String owner(String group) {
        return owner(inTalos.contains(group), kustomized.contains(group), twoOwners.contains(group));
    }

    /** The pinned CRD URLs are always in Talos; the kustomization lists them only when GitOps takes the CRDs over. */
    public boolean crdUrlsKustomized() {
        return bootstrapOnly;
    }

    public String crdUrlsOwner() {
        return owner(true, crdUrlsKustomized(), false);
    }

    /** The OAuth Secret always has its own Talos patch. */
    public String secretOwner() {
        return owner(true, secretKustomized, twoOwners.contains(OutputLayout.SECRET_GROUP));
    }

    private String owner(boolean talos, boolean gitops, boolean twoOwners) {
        if (twoOwners) {
            return "**two owners**: Talos and GitOps (see the warning)";
        }
        if (talos && gitops) {
            return "Talos at bootstrap, then GitOps";
        }
        if (talos) {
            return bootstrapOnly ? "Talos at bootstrap, then you (not in the kustomization)" : "Talos (`upgrade-k8s` pushes changes)";
        }
        return "GitOps";
    }
}
