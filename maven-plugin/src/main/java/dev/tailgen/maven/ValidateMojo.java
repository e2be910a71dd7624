package dev.tailgen.maven;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.output.Summary;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Runs every check of generate and writes nothing: what CI runs. Placeholders are checked for syntax
 * but not resolved, so CI needs no credentials.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractTailscaleMojo {

    @Override
    String goal() {
        return "validate";
    }

    @Override
    boolean resolveSecrets() {
        return false;
    }

    @Override
    void run(Generator generator) {
        GenerationResult result = generator.render();
        log(Summary.lines(result, "", false), result.warnings());
    }
}
