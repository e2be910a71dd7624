package dev.tailgen.cli;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.MachineConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import dev.tailgen.core.problem.GenerationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tailgen embed}: the plugin's tailscale:embed. */
@Command(name = "embed", mixinStandardHelpOptions = true, versionProvider = Tailgen.Version.class,
        description = "Put the Talos patch's manifests into existing control-plane machine configs (e.g. talosctl gen config's"
                + " controlplane.yaml): entries replaced by name, never duplicated, every other line kept. Worker configs are refused.")
final class EmbedCommand extends Subcommand {
    static final String HOW_TO_NAME = "--machine-config controlplane.yaml (repeat it for each control plane)";

    @Option(names = "--machine-config", paramLabel = "FILE", description = "A control-plane machine config to update (repeat for each).")
    List<Path> machineConfigs = List.of();

    @Option(names = "--embed-secret", description = "Also embed the OAuth Secret (credentials: oauth). Off by default: it would then"
            + " live in every control-plane config, readable with talosctl get mc.")
    boolean embedSecret;

    @Override
    boolean resolveSecrets() {
        return embedSecret;
    }

    @Override
    public Integer call() {
        if (machineConfigs.isEmpty()) {
            throw new GenerationException("tailgen embed needs the control-plane machine configs to update: " + HOW_TO_NAME, true);
        }
        GenerationResult result = generator().render();
        log(MachineConfigs.embed(result, machineConfigs, embedSecret, Subcommand::shown, HOW_TO_NAME), result.warnings());
        return Tailgen.OK;
    }

    static String options(List<Path> files) {
        return files.stream().map(f -> "--machine-config " + shown(f)).collect(Collectors.joining(" "));
    }
}
