package dev.tailgen.talos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Talos control-plane machine configs on disk: embed the manifests into each, or say which lack the
 * current ones. Every file is read and edited in memory before any is written, so a refused file
 * leaves all of them untouched; each write replaces its file durably. Shared by every front-end.
 */
public final class MachineConfigFiles {
    private MachineConfigFiles() {
    }

    /**
     * @param shown     how messages name a file (relative to the project when possible)
     * @param howToName how the front-end names the files to edit, for the hint when one cannot be read
     * @return one line per file: updated, or already current
     * @throws TalosPatchException when a file cannot be read, edited or written
     */
    public static List<String> embed(List<Path> files, TalosVersion version, List<InlineManifest> inline, List<ExternalManifest> external,
            Function<Path, String> shown, String howToName) {
        List<Update> updates = new ArrayList<>();
        for (Path path : files) {
            String before = read(path, shown, howToName);
            try {
                updates.add(new Update(path, MachineConfigEmbedder.embed(before, version, inline, external), before));
            } catch (TalosPatchException e) {
                throw new TalosPatchException(shown.apply(path) + ": " + e.getMessage());
            }
        }
        List<String> log = new ArrayList<>();
        for (Update u : updates) {
            if (u.after().equals(u.before())) {
                log.add(shown.apply(u.path()) + " already carries the current manifests");
            } else {
                write(u.path(), u.after(), shown);
                log.add("Updated " + shown.apply(u.path()) + ": " + inline.size() + " inline and " + external.size()
                        + " external manifests (every other line unchanged)");
            }
        }
        return log;
    }

    /**
     * @return one line per file that lacks the current manifests (or is no control-plane config); none when all carry them
     * @throws TalosPatchException when a file cannot be read
     */
    public static List<String> stale(List<Path> files, TalosVersion version, List<InlineManifest> inline, List<ExternalManifest> external,
            Function<Path, String> shown, String howToName) {
        List<String> problems = new ArrayList<>();
        for (Path path : files) {
            String text = read(path, shown, howToName); // an unreadable file fails the run, as in embed
            try {
                List<String> stale = MachineConfigEmbedder.staleManifests(text, version, inline, external);
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

    private static String read(Path path, Function<Path, String> shown, String howToName) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TalosPatchException("cannot read the machine config " + shown.apply(path) + " (" + e.getMessage() + "); "
                    + "name an existing controlplane.yaml: " + howToName);
        }
    }

    /** Keeps the file's permissions and a symbolic link to it (a machine config holds the cluster's keys: the temp file is owner-only). */
    private static void write(Path path, String text, Function<Path, String> shown) {
        try {
            DurableFiles.replace(path, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TalosPatchException("cannot write " + shown.apply(path) + ": " + e.getMessage());
        }
    }
}
