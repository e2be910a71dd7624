package dev.tailgen.maven;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.output.Summary;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders tailscale.yaml into Kubernetes manifests and Talos control-plane patches. Every check runs
 * before anything is written; the output folder is then replaced as a whole.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractOutputMojo {

    @Override
    String goal() {
        return "generate";
    }

    @Override
    boolean resolveSecrets() {
        return true;
    }

    @Override
    void run(Generator generator) {
        GenerationResult result = generator.render();
        generator.write(result, outputDirectory.toPath());
        log(Summary.lines(result, shown(outputDirectory.toPath()), true), result.warnings());
    }
}
