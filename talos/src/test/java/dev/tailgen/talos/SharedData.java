package dev.tailgen.talos;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the read-only reference data in {@code ../shared} (never copied into the repository).
 *
 * <p>Order: system property {@code tailgen.shared.dir} (surefire sets it to {@code <repo>/../shared}), then
 * a {@code shared} folder holding {@code upstream} next to the working directory or any of its parents.
 */
final class SharedData {

    static final String PROPERTY = "tailgen.shared.dir";
    static final String SKIP_MESSAGE = "../shared/upstream not found: skipping Talos schema tests";

    private SharedData() {
    }

    static Optional<Path> sharedDir() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            Path dir = Path.of(property).toAbsolutePath().normalize();
            if (Files.isDirectory(dir.resolve("upstream"))) {
                return Optional.of(dir);
            }
        }
        // tests run in the module folder: the repository's sibling is ../../shared (never search further up)
        for (String relative : new String[] {"../../shared", "../shared"}) {
            Path candidate = Path.of(relative).toAbsolutePath().normalize();
            if (Files.isDirectory(candidate.resolve("upstream"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code ../shared/upstream/talos}; skips the calling test when it is absent. */
    static Path talosDir() {
        Optional<Path> talos = sharedDir().map(dir -> dir.resolve("upstream/talos")).filter(Files::isDirectory);
        assumeTrue(talos.isPresent(), SKIP_MESSAGE);
        return talos.get();
    }

    /** A file under {@code ../shared/upstream/talos}; skips the calling test when it is absent. */
    static Path talosFile(String relative) {
        Path file = talosDir().resolve(relative);
        assumeTrue(Files.isRegularFile(file), SKIP_MESSAGE + " (" + relative + " missing)");
        return file;
    }
}
