package dev.tailgen.maven;

import dev.tailgen.core.output.OutputLayout.TalosContent;
import dev.tailgen.talos.DurableFiles;
import dev.tailgen.talos.InlineManifest;
import dev.tailgen.talos.MachineConfigEmbedder;
import dev.tailgen.talos.TalosPatchException;
import dev.tailgen.talos.TalosVersion;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoFailureException;

/** Talos control-plane configs named in the plugin configuration: embed into them, or check what they carry. */
final class MachineConfigs {
    static final String HOW_TO_NAME = "<machineConfigs><machineConfig>controlplane.yaml</machineConfig></machineConfigs>"
            + " in the plugin configuration, or -D" + PropertyNames.MACHINE_CONFIGS + "=controlplane.yaml,cp2.yaml";

    private MachineConfigs() {
    }

    /** The inline manifests to embed: the Talos patch's, plus the OAuth Secret when asked for. */
    static List<InlineManifest> inline(TalosContent content, boolean withSecret) {
        List<InlineManifest> inline = new ArrayList<>(content.inline());
        if (withSecret && content.secret() != null) {
            inline.add(content.secret());
        }
        return inline;
    }

    /** @return one line per file: updated, or already current */
    static List<String> embed(List<File> files, TalosVersion version, List<InlineManifest> inline, TalosContent content,
            Function<Path, String> shown) throws MojoFailureException {
        List<Update> updates = new ArrayList<>();
        for (File file : files) {
            Path path = file.toPath();
            String before = read(path, shown);
            try {
                updates.add(new Update(path, MachineConfigEmbedder.embed(before, version, inline, content.external()), before));
            } catch (TalosPatchException e) {
                throw new MojoFailureException(shown.apply(path) + ": " + e.getMessage());
            }
        }
        // every file is checked before any is written, so a refused file leaves all of them untouched
        List<String> log = new ArrayList<>();
        for (Update u : updates) {
            if (u.after().equals(u.before())) {
                log.add(shown.apply(u.path()) + " already carries the current manifests");
            } else {
                write(u.path(), u.after(), shown);
                log.add("Updated " + shown.apply(u.path()) + ": " + inline.size() + " inline and " + content.external().size()
                        + " external manifests (every other line unchanged)");
            }
        }
        return log;
    }

    /** For validate: every file must carry the current manifests (so all of them carry the same). */
    static List<String> stale(List<File> files, TalosVersion version, TalosContent content, Function<Path, String> shown)
            throws MojoFailureException {
        List<String> problems = new ArrayList<>();
        for (File file : files) {
            Path path = file.toPath();
            try {
                List<String> stale = MachineConfigEmbedder.staleManifests(read(path, shown), version, content.inline(), content.external());
                if (!stale.isEmpty()) {
                    problems.add(shown.apply(path) + " lacks the current " + String.join(", ", stale));
                }
            } catch (TalosPatchException e) {
                problems.add(shown.apply(path) + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private record Update(Path path, String after, String before) {
    }

    private static String read(Path path, Function<Path, String> shown) throws MojoFailureException {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("cannot read the machine config " + shown.apply(path) + " (" + e.getMessage() + "); "
                    + "name an existing controlplane.yaml: " + HOW_TO_NAME);
        }
    }

    /**
     * Replaces the file durably and keeps its permissions and a symbolic link to it (a machine config
     * holds the cluster's keys: the temp file is owner-only from its creation).
     */
    private static void write(Path path, String text, Function<Path, String> shown) throws MojoFailureException {
        try {
            DurableFiles.replace(path, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MojoFailureException("cannot write " + shown.apply(path) + ": " + e.getMessage());
        }
    }
}
