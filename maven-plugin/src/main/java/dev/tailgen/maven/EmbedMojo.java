package dev.tailgen.maven;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.MachineConfigs;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts the Talos patch's manifests into existing control-plane machine configs (e.g. the
 * controlplane.yaml of talosctl gen config): entries replaced by name, never duplicated, every
 * other line of the file kept as it was. Worker configs are refused.
 *
 * @since 0.1.0
 */
@Mojo(name = "embed", threadSafe = true)
public class EmbedMojo extends AbstractTailscaleMojo {

    /**
     * The control-plane machine configs to update.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MACHINE_CONFIGS)
    List<File> machineConfigs;

    /**
     * Also embed the OAuth Secret (credentials: oauth). Off by default: the Secret then lives in every
     * control-plane config, readable with talosctl get mc; apply its own patch instead where you can.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.EMBED_SECRET, defaultValue = "false")
    boolean embedSecret;

    @Override
    String goal() {
        return "embed";
    }

    @Override
    boolean resolveSecrets() {
        return embedSecret;
    }

    @Override
    void run(Generator generator) throws MojoFailureException {
        if (machineConfigs == null || machineConfigs.isEmpty()) {
            throw new MojoFailureException("tailscale:embed needs the control-plane machine configs to update: "
                    + PropertyNames.HOW_TO_NAME_MACHINE_CONFIGS);
        }
        GenerationResult result = generator.render();
        log(MachineConfigs.embed(result, paths(machineConfigs), embedSecret, this::shown, PropertyNames.HOW_TO_NAME_MACHINE_CONFIGS),
                result.warnings());
    }
}
