package dev.tailgen.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core and the talos library name no front-end: Maven's command, property and settings-file
 * names come from the front-end that runs them ({@link FrontEnd}, SecretSource.serverFile, the
 * hints passed to MachineConfigs), so the CLI says its own.
 */
class FrontEndNeutralityTest {
    private static final List<String> FRONT_END_TEXT = List.of("mvn ", "-Dtailscale", "settings.xml");

    @Test
    void noMavenTextInTheCoreOrTheTalosLibrary() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src", "main"), Path.of("..", "talos", "src", "main"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        for (String text : FRONT_END_TEXT) {
                            if (lines.get(i).contains(text)) {
                                found.add(file + ":" + (i + 1) + ": " + text.strip());
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("front-end text in the core (pass it in from the front-end)").isEmpty();
    }
}
