package dev.tailgen.core;

import dev.tailgen.core.operator.CredentialsMode;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputLayout;
import dev.tailgen.talos.TalosVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run produced, in memory, before anything is written. Holds no Kubernetes objects, and
 * TalosContent prints names only, so a Secret's data cannot reach a log through a toString.
 *
 * @param objectsByKind count of generated objects per kind, in apply order
 * @param crdUrls       pinned CRD URLs when CRDs are delivered as external manifests, else empty
 * @param inlineManifestBytes size of each inline manifest in the Talos patch
 * @param tailnetDevices how many tailnet devices the config creates (operator, proxies, Connector replicas)
 * @param notes         what the cluster must provide for the output to work (printed with the summary)
 * @param warnings      things the user should know that do not fail the build
 * @param talosContent  what the Talos patches carry, for tailscale:embed (holds the Secret's text: never log it)
 * @param checkedInputs {@link dev.tailgen.core.uptodate.Fingerprint#ofChecks} of the inputs, taken before they were read:
 *                      what the output's marker says every check passed on
 */
public record GenerationResult(
        String operatorVersion,
        String namespace,
        CredentialsMode credentialsMode,
        TalosVersion talosVersion,
        Map<String, Integer> objectsByKind,
        List<String> crdUrls,
        List<OutputFile> files,
        Map<String, Long> inlineManifestBytes,
        int tailnetDevices,
        List<String> notes,
        List<String> warnings,
        OutputLayout.TalosContent talosContent,
        String checkedInputs) {

    public int objectCount() {
        return objectsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The generated file at {@code path} (e.g. {@link OutputLayout#INSTALL_PATCH}), if this run wrote one. */
    public Optional<OutputFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public long totalBytes() {
        return files.stream().mapToLong(f -> f.bytes().length).sum();
    }
}
