package dev.tailgen.core;

import dev.tailgen.core.output.OutputLayout.TalosContent;
import dev.tailgen.core.problem.GenerationException;
import dev.tailgen.talos.InlineManifest;
import dev.tailgen.talos.MachineConfigFiles;
import dev.tailgen.talos.TalosPatchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The embed step for every front-end: puts a render's Talos manifests into control-plane machine
 * configs, or says which lack them. The boundary where the talos module's {@link TalosPatchException}
 * becomes the core's typed {@link GenerationException} (a user error), so front-ends map one hierarchy.
 */
public final class MachineConfigs {
    private MachineConfigs() {
    }

    /**
     * @param withSecret also embed the OAuth Secret (off by default: it would live in every control-plane config)
     * @param howToName  how the front-end names the files to edit, for messages
     * @return one line per file: updated, or already current
     */
    public static List<String> embed(GenerationResult result, List<Path> files, boolean withSecret, Function<Path, String> shown,
            String howToName) {
        TalosContent content = result.talosContent();
        List<InlineManifest> inline = new ArrayList<>(content.inline());
        if (withSecret && content.secret() != null) {
            inline.add(content.secret());
        }
        try {
            return MachineConfigFiles.embed(files, result.talosVersion(), inline, content.external(), shown, howToName);
        } catch (TalosPatchException e) {
            throw new GenerationException(e.getMessage(), true);
        }
    }

    /** @return one line per file that lacks the current manifests (the OAuth Secret is not compared); none when all carry them */
    public static List<String> stale(GenerationResult result, List<Path> files, Function<Path, String> shown, String howToName) {
        TalosContent content = result.talosContent();
        try {
            return MachineConfigFiles.stale(files, result.talosVersion(), content.inline(), content.external(), shown, howToName);
        } catch (TalosPatchException e) {
            throw new GenerationException(e.getMessage(), true);
        }
    }
}
