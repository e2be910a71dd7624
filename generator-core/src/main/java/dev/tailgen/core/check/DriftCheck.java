package dev.tailgen.core.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputWriter;
import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares what a generate would write with a committed output folder. Non-secret files are
 * compared byte for byte and shown as unified diffs; secret files only by presence (never read,
 * never printed), and not at all when the committed .gitignore keeps them out of Git.
 */
public final class DriftCheck {
    private static final int CONTEXT = 3;

    private DriftCheck() {
    }

    /** @return one entry per differing file, in path order; empty when the folder is up to date */
    public static List<String> differences(List<OutputFile> expected, Path committed) {
        List<String> out = new ArrayList<>();
        Set<String> ignoredByGit = gitignored(committed);
        Set<String> expectedPaths = new TreeSet<>();
        for (OutputFile f : expected) {
            expectedPaths.add(f.path());
            Path file = committed.resolve(f.path());
            if (f.secret()) {
                if (!Files.exists(file) && !ignoredByGit.contains(f.path())) {
                    out.add(f.path() + ": missing (a secret file: compared by presence only; keep it encrypted, or list it in .gitignore)");
                }
                continue;
            }
            if (!Files.exists(file)) {
                out.add(f.path() + ": missing\n" + diff(f.path(), "", f.content()));
                continue;
            }
            String now = read(file);
            String wanted = f.content();
            if (!now.equals(wanted)) {
                out.add(f.path() + ": differs\n" + diff(f.path(), now, wanted));
            }
        }
        for (String path : committedFiles(committed)) {
            if (!expectedPaths.contains(path) && !path.equals(OutputWriter.MARKER)) {
                out.add(path + ": no longer generated");
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * The failure text of a check that found differences, for every front-end.
     *
     * @param moves exposures the change moves onto or off a ProxyGroup ({@link ProxyGroupMoves})
     * @param fix   the front-end's command that brings the folder up to date
     */
    public static String outOfDate(String shownOutput, String shownConfig, List<String> differences, List<String> moves, String fix) {
        return "the output in " + shownOutput + " is out of date with " + shownConfig + ": " + differences.size()
                + (differences.size() == 1 ? " file differs" : " files differ") + "\n" + String.join("\n", differences)
                + (moves.isEmpty() ? "" : "\nBefore you deploy it:\n" + String.join("\n", moves))
                + "\nTo fix it, run: " + fix + " and commit the folder";
    }

    private static String diff(String path, String committed, String wanted) {
        List<String> before = lines(committed);
        List<String> after = lines(wanted);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, before,
                DiffUtils.diff(before, after), CONTEXT);
        return String.join("\n", unified);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    private static Set<String> gitignored(Path committed) {
        Path gitignore = committed.resolve(".gitignore");
        Set<String> paths = new TreeSet<>();
        if (Files.isRegularFile(gitignore)) {
            for (String line : read(gitignore).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    paths.add(line.strip());
                }
            }
        }
        return paths;
    }

    private static List<String> committedFiles(Path committed) {
        if (!Files.isDirectory(committed)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(committed)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> committed.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new GenerationException("cannot read " + committed + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GenerationException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
