package dev.tailgen.benchmarks;

import dev.tailgen.core.FrontEnd;
import dev.tailgen.core.Generator;
import dev.tailgen.core.GeneratorSettings;
import dev.tailgen.core.config.SecretSource;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled example, found from the repository root (where the benchmarks are run) or via -Dtailgen.example. */
final class Homelab {
    /** The Maven goal's names, so the benchmarks render exactly the plugin's bytes. */
    static final FrontEnd FRONT_END = FrontEnd.named("mvn tailscale:generate", "mvn tailscale:generate");

    private Homelab() {
    }

    static Path config() {
        Path config = Path.of(System.getProperty("tailgen.example", "examples/homelab/tailscale.yaml")).toAbsolutePath();
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException(config + " not found: run the benchmarks from the repository root,"
                    + " or pass -Dtailgen.example=<path to tailscale.yaml>");
        }
        return config;
    }

    static Generator generator(Path config) {
        return new Generator(new GeneratorSettings(config, "tailscale.yaml", SecretSource.systemEnvironment(), true, Homelab.FRONT_END));
    }
}
