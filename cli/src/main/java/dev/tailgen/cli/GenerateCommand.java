package dev.tailgen.cli;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.check.ProxyGroupMoves;
import dev.tailgen.core.output.Summary;
import dev.tailgen.core.uptodate.Fingerprint;
import dev.tailgen.core.uptodate.UpToDate;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tailgen generate}: the plugin's tailscale:generate. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Tailgen.Version.class,
        description = "Render tailscale.yaml and replace the output folder as a whole; every check runs before anything is written."
                + " Skips when the output is up to date with the config, the placeholders' values and this tool.")
final class GenerateCommand extends Subcommand {
    @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/tailscale",
            description = "The output folder, owned by tailgen: replaced as a whole (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Render and write even when the output is up to date.")
    boolean force;

    @Override
    boolean resolveSecrets() {
        return true;
    }

    @Override
    public Integer call() {
        String fingerprint = Fingerprint.of(common.config, CliSecretSource.INSTANCE);
        if (!force && UpToDate.holds(output, fingerprint)) {
            out().println("The output in " + shown(output) + " is up to date with " + shown(common.config) + " (fingerprint "
                    + fingerprint.substring(0, 12) + "); nothing rendered. --force renders anyway");
            return Tailgen.OK;
        }
        Generator generator = generator();
        GenerationResult result = generator.render();
        List<String> moves = ProxyGroupMoves.against(result.files(), output);
        List<String> notices = generator.write(result, output, fingerprint);
        log(List.of(), notices);
        log(List.of(), moves);
        log(Summary.lines(result, shown(output), true, common.frontEnd()), result.warnings());
        return Tailgen.OK;
    }
}
