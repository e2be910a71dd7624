package dev.tailgen.core.output;

import dev.tailgen.core.FrontEnd;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.inventory.Inventory;
import dev.tailgen.talos.TalosVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The one-screen report of a run: objects, files, bytes, Talos target and the next command. */
public final class Summary {
    private Summary() {
    }

    /**
     * @param shownOutput how to name the output folder in commands (relative to the project when possible)
     * @param written     false for validate (nothing written)
     * @param frontEnd    names the command that writes the files
     */
    public static List<String> lines(GenerationResult r, String shownOutput, boolean written, FrontEnd frontEnd) {
        List<String> lines = new ArrayList<>();
        TalosVersion talos = r.talosVersion();
        lines.add("Tailscale operator " + r.operatorVersion() + " in namespace " + r.namespace()
                + ", credentials: " + r.credentialsMode().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ", Talos " + talos + " (" + (talos.usesManifestDocuments()
                        ? "KubeInlineManifestConfig documents" : "cluster.inlineManifests") + ")");
        StringJoiner kinds = new StringJoiner(", ");
        r.objectsByKind().forEach((kind, n) -> kinds.add(n + " " + kind));
        lines.add(r.objectCount() + " objects: " + kinds);
        lines.add(r.tailnetDevices() + " tailnet devices (operator, proxies, Connector replicas) of the free plan's "
                + Inventory.FREE_PLAN_DEVICES + "; exposures, URLs and topology in " + OutputLayout.REPORT);
        r.notes().forEach(note -> lines.add("Note: " + note));
        if (!r.crdUrls().isEmpty()) {
            lines.add("CRDs: " + r.crdUrls().size() + " pinned upstream URLs (external manifests, fetched by each control plane)");
        }
        StringJoiner inline = new StringJoiner(", ");
        r.inlineManifestBytes().forEach((name, bytes) -> inline.add(name + " " + TalosSizes.human(bytes)));
        long patchBytes = r.file(OutputLayout.INSTALL_PATCH).map(f -> (long) f.bytes().length).orElse(0L);
        lines.add("Talos patch " + OutputLayout.INSTALL_PATCH + ": " + TalosSizes.human(patchBytes) + "; inline manifests: " + inline);
        lines.add((written ? "Wrote " : "Would write ") + r.files().size() + " files, " + bytes(r.totalBytes())
                + (written ? " to " + shownOutput : "") + ":");
        int width = r.files().stream().mapToInt(f -> f.path().length()).max().orElse(0);
        for (OutputFile f : r.files()) {
            lines.add("  " + pad(f.path(), width) + "  " + pad(bytes(f.bytes().length), 10, true)
                    + (f.secret() ? "  secret, owner-only" : ""));
        }
        if (written) {
            String patch = shownOutput + "/" + OutputLayout.INSTALL_PATCH;
            boolean secret = r.file(OutputLayout.SECRET_PATCH).isPresent();
            lines.add("Next: talosctl gen config <cluster> <endpoint> --config-patch-control-plane @" + patch
                    + (secret ? " --config-patch-control-plane @" + shownOutput + "/" + OutputLayout.SECRET_PATCH : ""));
            lines.add("  or on a running cluster: talosctl patch mc -n <control-plane> --patch @" + patch
                    + ", then talosctl -n <control-plane> upgrade-k8s --to <current Kubernetes version>");
        } else {
            lines.add("Config is valid; nothing written. Run " + frontEnd.generateCommand() + " to write the files.");
        }
        return lines;
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }

    private static String pad(String s, int width) {
        return pad(s, width, false);
    }

    private static String pad(String s, int width, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        String spaces = " ".repeat(width - s.length());
        return left ? spaces + s : s + spaces;
    }
}
