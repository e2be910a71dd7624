package dev.tailgen.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgen.core.problem.GenerationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
    private final OutputWriter writer = new OutputWriter();

    @Test
    void secretFilesAreOwnerOnlyAndOthersAreNot(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        writer.write(out, List.of(new OutputFile("a/plain.yaml", "x: 1\n", false), new OutputFile("a/secret.yaml", "s: 2\n", true)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a/secret.yaml")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a/plain.yaml")))).startsWith("rw-r");
        assertThat(Files.readString(out.resolve("a/plain.yaml"))).isEqualTo("x: 1\n");
    }

    @Test
    void aSecondRunReplacesTheWholeFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        writer.write(out, List.of(new OutputFile("old.yaml", "a\n", false)));
        writer.write(out, List.of(new OutputFile("new.yaml", "b\n", false)));
        assertThat(out.resolve("old.yaml")).doesNotExist();
        assertThat(out.resolve("new.yaml")).hasContent("b");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
        }
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertThatThrownBy(() -> writer.write(dir, List.of(new OutputFile("x.yaml", "x\n", false))))
                .isInstanceOf(GenerationException.class)
                .hasMessage("outputDirectory " + dir.toAbsolutePath().normalize() + " holds files this plugin did not write (no "
                        + ".tailgen-output marker); it replaces the whole folder, so choose an empty or new folder");
        assertThat(dir.resolve("pom.xml")).exists();
    }
}
