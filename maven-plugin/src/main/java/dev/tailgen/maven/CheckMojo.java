package dev.tailgen.maven;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.check.DriftCheck;
import dev.tailgen.core.check.ProxyGroupMoves;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders in memory and compares with the committed output folder: for repositories that commit
 * the generated files. Any difference fails the build with a unified diff and the command that
 * fixes it. Secret files are compared by presence only; placeholders are not resolved.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractOutputMojo {

    @Override
    String goal() {
        return "check";
    }

    @Override
    boolean resolveSecrets() {
        return false;
    }

    @Override
    void run(Generator generator) throws MojoFailureException {
        GenerationResult result = generator.render();
        String shown = shown(outputDirectory.toPath());
        String fix = "mvn tailscale:generate -D" + PropertyNames.OUTPUT_DIRECTORY + "=" + shown;
        if (!Files.isDirectory(outputDirectory.toPath())) {
            throw new MojoFailureException("no generated output at " + shown + " to check; run " + fix + " and commit the folder");
        }
        List<String> differences = DriftCheck.differences(result.files(), outputDirectory.toPath());
        if (!differences.isEmpty()) {
            throw new MojoFailureException(DriftCheck.outOfDate(shown, shown(config.toPath()), differences,
                    ProxyGroupMoves.against(result.files(), outputDirectory.toPath()), fix));
        }
        getLog().info("The output in " + shown + " is up to date with " + shown(config.toPath()) + " (" + result.files().size() + " files)");
        log(List.of(), result.warnings());
    }
}
