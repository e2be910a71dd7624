package dev.tailgen.core.output;

import dev.tailgen.core.problem.GenerationException;
import dev.tailgen.core.render.WrittenObject;
import dev.tailgen.talos.ApiServerPatch;
import dev.tailgen.talos.ExternalManifest;
import dev.tailgen.talos.InlineManifest;
import dev.tailgen.talos.TalosPatch;
import dev.tailgen.talos.TalosPatchException;
import dev.tailgen.talos.TalosVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The output folder's layout:
 * <pre>
 * manifests/&lt;group&gt;.yaml                   plain multi-document YAML, one file per group (install,
 *                                              CRDs, namespaces, services, ingresses, subnet-routers, egress,
 *                                              network-policies, monitoring)
 * manifests/tailscale-operator-crds.urls       the pinned CRD URLs (crds: url), for kubectl users
 * manifests/kustomization.yaml                 the manifest files (and CRD URLs) GitOps owns, in apply order, for Flux,
 *                                              Argo CD and kubectl apply -k (see {@link Delivery}); the Secret only with
 *                                              gitops.includeSecret
 * manifests/tailscale-operator-oauth.yaml      the OAuth Secret alone, owner-only
 * talos/tailscale-operator.patch.yaml          control-plane patch with the install (+ CRDs)
 * talos/tailscale-operator-oauth.patch.yaml    the Secret's own patch, owner-only, to encrypt or keep out of Git
 * talos/tailscale-apiserver.patch.yaml        the API server's service-account issuer (talos.serviceAccountIssuer)
 * .gitignore                                   keeps the two secret files out of Git
 * REPORT.md                                    topology diagram, exposures with URLs, devices
 * inventory.json                               the same inventory for scripts
 * policy/tailnet-policy.hujson                 tailnet policy fragment: tagOwners, groups, acls, autoApprovers, tests
 * cilium/values.snippet.yaml                   Helm values Cilium needs for the proxies ({@link CiliumValues}), when Cilium is in use
 * patches/&lt;kind&gt;.&lt;namespace&gt;.&lt;name&gt;.yaml    strategic-merge patches for adopted objects (another tool owns them)
 * patches/kustomization.yaml                   a kustomize Component listing them
 * </pre>
 */
public final class OutputLayout {
    public static final String SECRET_GROUP = "tailscale-operator-oauth";
    /** The CRDs' group (crds: inline), first in the kustomization. */
    public static final String CRD_GROUP = "tailscale-operator-crds";
    public static final String INSTALL_PATCH = "talos/tailscale-operator.patch.yaml";
    public static final String SECRET_PATCH = "talos/" + SECRET_GROUP + ".patch.yaml";
    public static final String APISERVER_PATCH = "talos/tailscale-apiserver.patch.yaml";
    public static final String SECRET_MANIFEST = "manifests/" + SECRET_GROUP + ".yaml";
    public static final String REPORT = "REPORT.md";
    public static final String INVENTORY = "inventory.json";
    public static final String POLICY = "policy/tailnet-policy.hujson";
    public static final String PATCHES = "patches/";
    public static final String KUSTOMIZATION = "manifests/kustomization.yaml";
    public static final String CRD_URLS = "manifests/" + CRD_GROUP + ".urls";

    private final String configName;
    private final String regenerate;
    private final String operatorVersion;
    private final TalosVersion talos;

    /** @param regenerate the command file headers name for regenerating them (the front-end's) */
    public OutputLayout(String configName, String operatorVersion, TalosVersion talos, String regenerate) {
        this.configName = configName;
        this.regenerate = regenerate;
        this.operatorVersion = operatorVersion;
        this.talos = talos;
    }

    /**
     * @param manifests      group name -> serialized objects, in apply order (no secrets)
     * @param delivery       which groups Talos carries and which the kustomization lists
     * @param secretManifest the OAuth Secret, or null
     * @param crds           the CRDs as external manifests (pinned URLs), or empty
     */
    public List<OutputFile> files(Map<String, String> manifests, Delivery delivery, String secretManifest, List<ExternalManifest> crds) {
        try {
            return layOut(manifests, delivery, secretManifest, crds);
        } catch (TalosPatchException e) {
            // names and contents are ours, so a refused patch is our bug; the message names no secret value
            throw new GenerationException("cannot build the Talos patch: " + e.getMessage(), false);
        }
    }

    public static boolean isSecret(String path) {
        return path.equals(SECRET_MANIFEST) || path.equals(SECRET_PATCH);
    }

    /** The human report and the machine inventory, beside the manifests. */
    public List<OutputFile> inventory(String reportMarkdown, String inventoryJson) {
        return List.of(new OutputFile(REPORT, reportMarkdown, false), new OutputFile(INVENTORY, inventoryJson, false));
    }

    /** The patch of each adopted object and a kustomize Component listing them; nothing without adopted objects. */
    public List<OutputFile> patches(List<WrittenObject> patches) {
        if (patches.isEmpty()) {
            return List.of();
        }
        List<OutputFile> files = new ArrayList<>();
        StringBuilder component = new StringBuilder(header(List.of(
                "A kustomize Component, generated from " + configName + " by tailscale-maven-plugin: the operator's labels and",
                "annotations for objects another tool owns. Include it (components: [<this folder>]) where those objects are built.")));
        component.append("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n");
        for (WrittenObject p : patches) {
            String file = patchFile(p.kind(), p.namespace(), p.name());
            files.add(new OutputFile(PATCHES + file, header(List.of("Patch for " + p.kind() + " " + p.namespace() + "/" + p.name()
                    + " (adopted), generated from " + configName + " by tailscale-maven-plugin. Do not edit.")) + p.yaml(), false));
            component.append("  - path: ").append(file).append('\n');
        }
        files.add(new OutputFile(PATCHES + "kustomization.yaml", component.toString(), false));
        return files;
    }

    /** {@code service.media.plex.yaml}: dots keep kind, namespace and name apart (namespaces have none). */
    public static String patchFile(String kind, String namespace, String name) {
        return kind.toLowerCase(Locale.ROOT) + "." + namespace + "." + name + ".yaml";
    }

    /** The control-plane patch pointing the API server's service-account tokens at a public issuer. */
    public OutputFile apiServerPatch(String issuer, String kubernetesVersion) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("service-account-issuer", issuer);
        args.put("service-account-jwks-uri", (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/openid/v1/jwks");
        String patch;
        try {
            patch = ApiServerPatch.render(talos, List.of(
                    "Control-plane patch, generated from " + configName + " by tailscale-maven-plugin. Do not edit.",
                    "The API server issues service-account tokens from the public issuer Tailscale verifies (workload identity);",
                    "serve the discovery document and the JWKS there. Tokens issued before stop validating: restart their pods."),
                    args, kubernetesVersion);
        } catch (TalosPatchException e) {
            throw new GenerationException("cannot build the API server patch: " + e.getMessage(), false); // the config check comes first
        }
        return new OutputFile(APISERVER_PATCH, patch, false);
    }

    public OutputFile policy(String hujson) {
        return new OutputFile(POLICY, hujson, false);
    }

    /**
     * What the Talos patches carry: the inline manifests (in apply order), the CRD URLs as external
     * manifests, and the OAuth Secret's own inline manifest (or null). Also what tailscale:embed writes.
     */
    public record TalosContent(List<InlineManifest> inline, List<ExternalManifest> external, InlineManifest secret) {
        /** Names only: the Secret's text must never reach a log line. */
        @Override
        public String toString() {
            return "TalosContent[inline=" + inline.stream().map(InlineManifest::name).toList() + ", external="
                    + external.stream().map(ExternalManifest::name).toList() + ", secret=" + (secret == null ? "none" : secret.name()) + "]";
        }
    }

    public static TalosContent talosContent(Map<String, String> manifests, Set<String> inTalos, String secretManifest,
            List<ExternalManifest> crds) {
        List<InlineManifest> inline = new ArrayList<>();
        manifests.forEach((group, text) -> {
            if (inTalos.contains(group)) {
                inline.add(new InlineManifest(group, text));
            }
        });
        return new TalosContent(inline, List.copyOf(crds), secretManifest == null ? null : new InlineManifest(SECRET_GROUP, secretManifest));
    }

    private List<OutputFile> layOut(Map<String, String> manifests, Delivery delivery, String secretManifest, List<ExternalManifest> crds) {
        List<OutputFile> files = new ArrayList<>();
        manifests.forEach((group, text) -> files.add(new OutputFile("manifests/" + group + ".yaml", header(manifestHeader()) + text, false)));
        if (!crds.isEmpty()) {
            String urls = crds.stream().map(ExternalManifest::url).collect(Collectors.joining("\n", "", "\n"));
            files.add(new OutputFile(CRD_URLS, urls, false));
        }
        files.add(kustomization(delivery, crds, secretManifest != null));
        TalosContent talosContent = talosContent(manifests, delivery.inTalos(), secretManifest, crds);
        files.add(new OutputFile(INSTALL_PATCH, TalosPatch.render(talos, patchHeader(INSTALL_PATCH), talosContent.inline(),
                talosContent.external()), false));
        if (talosContent.secret() != null) {
            files.add(new OutputFile(SECRET_MANIFEST,
                    header(List.of("The OAuth client Secret: owner-only, keep it out of Git (encrypt it, e.g. with sops).")) + secretManifest, true));
            files.add(new OutputFile(SECRET_PATCH, TalosPatch.render(talos, patchHeader(SECRET_PATCH),
                    List.of(talosContent.secret()), List.of()), true));
            files.add(new OutputFile(".gitignore", "# secret files: never commit them in clear\n" + SECRET_MANIFEST + "\n" + SECRET_PATCH + "\n", false));
        }
        return files;
    }

    /**
     * manifests/ as one kustomize resource set: the CRDs first (remote URLs with crds: url: kustomize
     * fetches them), then the groups in apply order; what Talos owns is left out (talos.role: owner),
     * and the Secret's file is listed only when asked for, since it is kept out of Git.
     */
    private OutputFile kustomization(Delivery delivery, List<ExternalManifest> crds, boolean hasSecret) {
        List<String> lines = new ArrayList<>();
        if (delivery.bootstrapOnly()) {
            lines.add("Every manifest here in apply order, generated from " + configName + " by tailscale-maven-plugin. Do not edit.");
            lines.add("Talos applies the operator at bootstrap (talos.role: bootstrap); from then on this folder owns everything, CRDs too.");
        } else {
            lines.add("The manifests Talos does not carry, in apply order, generated from " + configName + " by tailscale-maven-plugin. Do not edit.");
            List<String> carried = new ArrayList<>(delivery.inTalos());
            if (!crds.isEmpty()) {
                carried.add(0, "the CRD URLs");
            }
            lines.add("Talos owns " + String.join(", ", carried) + " (talos.role: owner), so they are not listed: one owner each.");
        }
        lines.add("For a Flux Kustomization or an Argo CD Application (path: this folder), or kubectl apply -k."
                + (delivery.crdUrlsKustomized() && !crds.isEmpty() ? " The CRDs are pinned remote URLs: the build fetches them." : ""));
        if (hasSecret) {
            lines.add(delivery.secretKustomized() ? "It lists the OAuth Secret's file (gitops.includeSecret): apply from a checkout that has it."
                    : delivery.bootstrapOnly() ? "The OAuth Secret is not listed (its file stays out of Git): Talos applies it at bootstrap"
                            + " (" + SECRET_PATCH + "); for GitOps to own it, set gitops.includeSecret or use credentials.externalSecret."
                    : "The OAuth Secret is not listed (its file stays out of Git): Talos applies it (" + SECRET_PATCH + ").");
        }
        StringBuilder k = new StringBuilder(header(lines));
        k.append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
        List<String> resources = new ArrayList<>();
        if (delivery.crdUrlsKustomized()) {
            crds.forEach(c -> resources.add(c.url()));
        }
        List<String> ordered = new ArrayList<>(delivery.kustomized());
        ordered.sort((a, b) -> Boolean.compare(!a.equals(CRD_GROUP), !b.equals(CRD_GROUP))); // stable: CRDs first, the rest as given
        ordered.forEach(group -> resources.add(group + ".yaml"));
        if (delivery.secretKustomized()) {
            resources.add(SECRET_GROUP + ".yaml");
        }
        k.append(resources.isEmpty() ? "resources: []\n" : "resources:\n");
        resources.forEach(r -> k.append("  - ").append(r).append('\n'));
        return new OutputFile(KUSTOMIZATION, k.toString(), false);
    }

    private List<String> manifestHeader() {
        return List.of("Tailscale Kubernetes operator " + operatorVersion + ", generated from " + configName
                + " by tailscale-maven-plugin. Do not edit: change the config and run " + regenerate + ".");
    }

    private List<String> patchHeader(String self) {
        return List.of(
                "Talos " + talos + " control-plane patch, generated from " + configName + " by tailscale-maven-plugin. Do not edit.",
                "Control planes only: talosctl gen config ... --config-patch-control-plane @" + self,
                "or live: talosctl patch mc -n <control-plane> --patch @" + self,
                "Manifests are create-only; push changes with: talosctl -n <control-plane> upgrade-k8s --to <current Kubernetes version>");
    }

    private static String header(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append("# ").append(line).append('\n');
        }
        return sb.toString();
    }
}
