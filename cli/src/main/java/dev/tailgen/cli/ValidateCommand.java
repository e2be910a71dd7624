package dev.tailgen.cli;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.MachineConfigs;
import dev.tailgen.core.output.Summary;
import dev.tailgen.core.uptodate.Fingerprint;
import dev.tailgen.core.uptodate.UpToDate;
import java.nio.file.Path;
import java.util.List;
import dev.tailgen.core.problem.GenerationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tailgen validate}: the plugin's tailscale:validate. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Tailgen.Version.class,
        description = "Run every check of generate and write nothing (what CI runs). Placeholders are checked but not resolved,"
                + " so CI needs no credentials. Skips when the output folder's marker says generate passed every check on the same"
                + " config, bases, crdSource files and tool.")
final class ValidateCommand extends Subcommand {
    @Option(names = "--machine-config", paramLabel = "FILE",
            description = "A control-plane machine config that must carry the current manifests (repeat for each control plane).")
    List<Path> machineConfigs = List.of();

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/tailscale",
            description = "The output folder generate writes; its marker lets validate skip (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Check even when the output folder's marker says this config passed every check.")
    boolean force;

    @Override
    boolean resolveSecrets() {
        return false;
    }

    @Override
    public Integer call() {
        if (!force && machineConfigs.isEmpty()) { // machine configs are compared with a fresh render
            String checked = Fingerprint.ofChecks(common.config);
            if (UpToDate.checked(output, checked)) {
                out().println(UpToDate.checkedSkip(shown(common.config), shown(output), checked, "--force"));
                return Tailgen.OK;
            }
        }
        GenerationResult result = generator().render();
        if (!machineConfigs.isEmpty()) {
            List<String> stale = MachineConfigs.stale(result, machineConfigs, Subcommand::shown, EmbedCommand.HOW_TO_NAME);
            if (!stale.isEmpty()) {
                throw new GenerationException(String.join("\n", stale) + "\nTo fix it, run: tailgen embed " + EmbedCommand.options(machineConfigs)
                        + " (control planes must all carry the same, current manifests)", true);
            }
        }
        log(Summary.lines(result, "", false, common.frontEnd()), result.warnings());
        if (!machineConfigs.isEmpty()) {
            out().println(machineConfigs.size() + " control-plane config(s) carry the current manifests");
        }
        return Tailgen.OK;
    }
}
