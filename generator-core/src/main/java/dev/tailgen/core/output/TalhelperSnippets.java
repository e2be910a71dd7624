package dev.tailgen.core.output;

import dev.tailgen.core.problem.GenerationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * talhelper integration: two talconfig.yaml fragments. The recommended one adds the generated
 * patch to {@code controlPlane.patches} (control planes only, CRD URLs included, both Talos forms);
 * the alternative lists the plain manifests as cluster-level {@code inlineManifests} with
 * {@code skipEnvsubst} (talhelper then writes them to every node, workers too, in the legacy form).
 * talhelper runs envsubst and Go templates over patches, so what they reference must hold no
 * {@code $} and no <code>{{</code>: checked here.
 */
public final class TalhelperSnippets {
    public static final String PATCHES = "talhelper/talconfig.controlplane-patches.yaml";
    public static final String INLINE = "talhelper/talconfig.inline-manifests.yaml";

    private TalhelperSnippets() {
    }

    /**
     * @param outputPath the output folder as talconfig.yaml reaches it
     * @param files      the other output files (patches and manifests are checked for $ and {{)
     * @param inTalos    the manifest groups the Talos patch carries
     */
    public static List<OutputFile> files(String outputPath, List<OutputFile> files, Set<String> inTalos, String configName) {
        String base = outputPath.endsWith("/") ? outputPath.substring(0, outputPath.length() - 1) : outputPath;
        for (OutputFile f : files) {
            boolean used = f.path().startsWith("talos/") || inTalos.stream().anyMatch(g -> f.path().equals("manifests/" + g + ".yaml"));
            if (used && !f.secret()) {
                refuseTemplateSyntax(f);
            }
        }
        boolean secret = files.stream().anyMatch(f -> f.path().equals(OutputLayout.SECRET_PATCH));
        StringBuilder patches = new StringBuilder();
        header(patches, configName, "Control planes only; carries the CRD URLs too. Recommended.");
        patches.append("controlPlane:\n  patches:\n");
        patches.append("    - \"@").append(base).append('/').append(OutputLayout.INSTALL_PATCH).append("\"\n");
        if (secret) {
            patches.append("    # the OAuth Secret's own patch: commit it sops-encrypted (talhelper decrypts @files), or apply it apart\n");
            patches.append("    - \"@").append(base).append('/').append(OutputLayout.SECRET_PATCH).append("\"\n");
        }
        if (files.stream().anyMatch(f -> f.path().equals(OutputLayout.APISERVER_PATCH))) {
            patches.append("    # the API server's service-account issuer (talos.serviceAccountIssuer)\n");
            patches.append("    - \"@").append(base).append('/').append(OutputLayout.APISERVER_PATCH).append("\"\n");
        }
        StringBuilder inline = new StringBuilder();
        header(inline, configName, "Alternative: cluster-level inline manifests. talhelper writes them to every node (workers ignore"
                + " them) in the legacy form, also for Talos 1.14; it has no cluster-level extraManifests, so use talos.crds: inline"
                + " or the patch snippet for the CRDs.");
        inline.append("inlineManifests:\n");
        for (String group : inTalos) {
            inline.append("  - name: ").append(group).append('\n')
                    .append("    contents: \"@").append(base).append("/manifests/").append(group).append(".yaml\"\n")
                    .append("    skipEnvsubst: true\n");
        }
        List<OutputFile> out = new ArrayList<>();
        out.add(new OutputFile(PATCHES, patches.toString(), false));
        out.add(new OutputFile(INLINE, inline.toString(), false));
        return out;
    }

    private static void header(StringBuilder sb, String configName, String what) {
        sb.append("# talhelper: merge into talconfig.yaml. Generated from ").append(configName)
                .append(" by tailscale-maven-plugin; paths are relative to talconfig.yaml (talos.talhelper.outputPath).\n");
        sb.append("# ").append(what).append('\n');
        sb.append("# The referenced files hold no \"$\" and no \"{{\", so talhelper's envsubst and templates leave them intact.\n");
    }

    private static void refuseTemplateSyntax(OutputFile f) {
        String text = f.content();
        int dollar = text.indexOf('$');
        int braces = text.indexOf("{{");
        if (dollar >= 0 || braces >= 0) {
            int at = dollar >= 0 && (braces < 0 || dollar < braces) ? dollar : braces;
            int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            throw new GenerationException(f.path() + " line " + line + " holds " + (at == dollar ? "\"$\"" : "\"{{\"")
                    + ", which talhelper's envsubst or templates would rewrite; remove it from the config value it comes from,"
                    + " or drop talos.talhelper and apply the patch with talosctl", true);
        }
    }
}
