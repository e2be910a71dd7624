package dev.tailgen.maven;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.check.ProxyGroupMoves;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.uptodate.Fingerprint;
import dev.tailgen.core.uptodate.UpToDate;
import dev.tailgen.core.output.Summary;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders tailscale.yaml into Kubernetes manifests and Talos control-plane patches. Every check runs
 * before anything is written; the output folder is then replaced as a whole.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractOutputMojo {

    /**
     * Render and write even when the output is up to date with the config, the placeholders' values
     * and the plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORCE, defaultValue = "false")
    boolean force;

    private String fingerprint;

    @Override
    String goal() {
        return "generate";
    }

    @Override
    boolean upToDate(SecretSource secrets) {
        fingerprint = Fingerprint.of(config.toPath(), secrets);
        if (force || !UpToDate.holds(outputDirectory.toPath(), fingerprint)) {
            return false;
        }
        getLog().info("The output in " + shown(outputDirectory.toPath()) + " is up to date with " + shown(config.toPath())
                + " (fingerprint " + fingerprint.substring(0, 12) + "); nothing rendered. -D" + PropertyNames.FORCE
                + "=true renders anyway");
        return true;
    }

    @Override
    boolean resolveSecrets() {
        return true;
    }

    @Override
    void run(Generator generator) {
        GenerationResult result = generator.render();
        List<String> moves = ProxyGroupMoves.against(result.files(), outputDirectory.toPath());
        generator.write(result, outputDirectory.toPath(), fingerprint).forEach(getLog()::warn);
        moves.forEach(getLog()::warn);
        log(Summary.lines(result, shown(outputDirectory.toPath()), true, FRONT_END), result.warnings());
    }
}
