package dev.tailgen.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.SharedData;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.problem.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the release checks say, verbatim: each {@code golden/release-messages/<case>.yaml} is a config,
 * {@code <case>.txt} the error it fails with, or the notes of its summary when it renders. They are
 * golden files because they name releases (a new line or default changes them; -Dtailgen.updateGolden=true).
 * {@code @SHARED@} stands for ../shared/upstream.
 */
class ReleaseMessagesTest {
    static final Path CASES = Path.of("src", "test", "resources", "golden", "release-messages");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(CASES)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saysExactly(String name, @TempDir Path dir) throws IOException {
        String config = Files.readString(CASES.resolve(name + ".yaml"), StandardCharsets.UTF_8);
        if (config.contains("@SHARED@")) {
            config = config.replace("@SHARED@", SharedData.upstream().toString());
        }
        Files.createDirectories(dir.resolve("vendor"));
        String said;
        try {
            GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, config)).render();
            said = String.join("\n", result.notes());
        } catch (ConfigException e) {
            said = e.getMessage();
        }
        Path expected = CASES.resolve(name + ".txt");
        if (Boolean.getBoolean("tailgen.updateGolden")) {
            Files.writeString(expected, said + "\n", StandardCharsets.UTF_8);
        }
        assertThat(said + "\n").isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
