package dev.tailgen.cli;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.check.DriftCheck;
import dev.tailgen.core.check.ProxyGroupMoves;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.tailgen.core.problem.GenerationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tailgen check}: the plugin's tailscale:check. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Tailgen.Version.class,
        description = "Fail when the committed output folder differs from what generate would write (unified diffs; secret files"
                + " compared by presence only). Placeholders are not resolved.")
final class CheckCommand extends Subcommand {
    @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/tailscale",
            description = "The committed output folder to compare (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    boolean resolveSecrets() {
        return false;
    }

    @Override
    public Integer call() {
        GenerationResult result = generator().render();
        String shown = shown(output);
        String fix = "tailgen generate --config " + shown(common.config) + " --output " + shown
                + (common.regenerateCommand.equals(Common.MAVEN_GOAL) ? "" : " --regenerate-command '" + common.regenerateCommand + "'");
        if (!Files.isDirectory(output)) {
            throw new GenerationException("no generated output at " + shown + " to check; run " + fix + " and commit the folder", true);
        }
        List<String> differences = DriftCheck.differences(result.files(), output);
        if (!differences.isEmpty()) {
            throw new GenerationException(DriftCheck.outOfDate(shown, shown(common.config), differences,
                    ProxyGroupMoves.against(result.files(), output), fix), true);
        }
        out().println("The output in " + shown + " is up to date with " + shown(common.config) + " (" + result.files().size() + " files)");
        log(List.of(), result.warnings());
        return Tailgen.OK;
    }
}
