package dev.tailgen.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared (upstream reference data); tests that need it skip with a clear message when it is absent. */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String property = System.getProperty("tailgen.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property, "upstream"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        // tests run in the module folder: the repository's sibling is ../../shared (never search further up)
        for (String relative : new String[] {"../../shared", "../shared"}) {
            Path candidate = Path.of(relative).toAbsolutePath().normalize();
            if (Files.isDirectory(candidate.resolve("upstream"))) {
                return candidate;
            }
        }
        return null;
    }

    /** The upstream folder, or a skipped test. */
    public static Path upstream() {
        Path root = root();
        assumeTrue(root != null, "../shared/upstream not found: skipping tests against upstream reference data");
        return root.resolve("upstream");
    }

    public static Path spec() {
        Path root = root();
        assumeTrue(root != null, "../shared/spec not found: skipping tests against the normative spec");
        return root.resolve("spec/tailscale.yaml");
    }
}
