package dev.tailgen.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** examples/homelab/tailscale.yaml, the base of the structured mutations. */
final class ExampleConfig {
    private static final List<String> LINES;

    static {
        try {
            LINES = List.copyOf(Files.readAllLines(Path.of("..", "examples", "homelab", "tailscale.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExampleConfig() {
    }

    static List<String> lines() {
        return LINES;
    }
}
