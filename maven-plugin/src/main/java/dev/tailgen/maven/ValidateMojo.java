package dev.tailgen.maven;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.MachineConfigs;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.output.Summary;
import dev.tailgen.core.uptodate.Fingerprint;
import dev.tailgen.core.uptodate.UpToDate;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs every check of generate and writes nothing: what CI runs. Placeholders are checked for syntax
 * but not resolved, so CI needs no credentials. It skips when the output folder's marker says a
 * generate passed every check on the same config, bases, crdSource files and plugin (commit the
 * output folder and CI pays for the checks only when something changed).
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractOutputMojo {

    /**
     * Control-plane machine configs that must carry the current manifests (the ones tailscale:embed
     * updates): each is checked, so all of them carry the same. The OAuth Secret is not compared
     * (validate resolves no secrets).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MACHINE_CONFIGS)
    List<File> machineConfigs;

    /**
     * Check even when the output folder's marker says this config already passed every check.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORCE, defaultValue = "false")
    boolean force;

    @Override
    String goal() {
        return "validate";
    }

    /** Skips on the marker unless forced or machine configs are named (those are compared with a fresh render). */
    @Override
    boolean upToDate(SecretSource secrets) {
        if (force || (machineConfigs != null && !machineConfigs.isEmpty())) {
            return false;
        }
        String checked = Fingerprint.ofChecks(config.toPath());
        if (!UpToDate.checked(outputDirectory.toPath(), checked)) {
            return false;
        }
        getLog().info(UpToDate.checkedSkip(shown(config.toPath()), shown(outputDirectory.toPath()), checked,
                "-D" + PropertyNames.FORCE + "=true"));
        return true;
    }

    @Override
    boolean resolveSecrets() {
        return false;
    }

    @Override
    void run(Generator generator) throws MojoFailureException {
        GenerationResult result = generator.render();
        if (machineConfigs != null && !machineConfigs.isEmpty()) {
            List<String> stale = MachineConfigs.stale(result, paths(machineConfigs), this::shown, PropertyNames.HOW_TO_NAME_MACHINE_CONFIGS);
            if (!stale.isEmpty()) {
                throw new MojoFailureException(String.join("\n", stale) + "\nTo fix it, run: mvn tailscale:embed"
                        + " (control planes must all carry the same, current manifests)");
            }
        }
        log(Summary.lines(result, "", false, FRONT_END), result.warnings());
        if (machineConfigs != null && !machineConfigs.isEmpty()) {
            getLog().info(machineConfigs.size() + " control-plane config(s) carry the current manifests");
        }
    }
}
