package dev.tailgen.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that work on the output folder: generate writes it, check compares with it, validate reads its marker. */
abstract class AbstractOutputMojo extends AbstractTailscaleMojo {

    /**
     * The output folder: manifests/, talos/, policy/, the report. It is owned by the plugin: generate
     * replaces it as a whole; check compares it with a fresh render (point it at the committed folder);
     * validate skips when its marker says the same config already passed every check.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/tailscale")
    File outputDirectory;
}
