package dev.tailgen.talos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
    /** The temp file holding a machine config's new text is owner-only from the moment it exists. */
    @Test
    void theReplacementIsOwnerOnlyWhenCreatedAndGetsTheOriginalsModeOnlyOnceWritten(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("controlplane.yaml");
        Files.writeString(config, "old\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        List<String> seen = new ArrayList<>();
        DurableFiles.replace(config, "new\n".getBytes(StandardCharsets.UTF_8), created -> {
            try {
                seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(created)) + " " + Files.size(created));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(seen).containsExactly("rw------- 0");
        assertThat(config).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("controlplane.yaml");
        }
    }

    @Test
    void aSymlinkedConfigKeepsItsLinkAndItsTargetIsReplaced(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("clusterconfig"));
        Path real = dir.resolve("clusterconfig/cp1.yaml");
        Files.writeString(real, "old\n");
        Path link = dir.resolve("controlplane.yaml");
        Files.createSymbolicLink(link, Path.of("clusterconfig/cp1.yaml"));
        Path realFolder = real.toRealPath().getParent();
        DurableFiles.replace(link, "new\n".getBytes(StandardCharsets.UTF_8),
                created -> assertThat(created.getParent()).isEqualTo(realFolder)); // a rename within the target's folder
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("clusterconfig/cp1.yaml"));
        assertThat(real).hasContent("new");
    }

    @Test
    void aTempFileLeftByAKilledRunIsReplaced(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("controlplane.yaml");
        Files.writeString(config, "old\n");
        Files.writeString(dir.resolve(".controlplane.yaml.tailgen-new"), "half");
        DurableFiles.replace(config, "new\n".getBytes(StandardCharsets.UTF_8), created -> { });
        assertThat(config).hasContent("new");
        assertThat(dir.resolve(".controlplane.yaml.tailgen-new")).doesNotExist();
    }

    @Test
    void createdSecretFilesAreOwnerOnlyBeforeTheirFirstByte(@TempDir Path dir) throws Exception {
        List<String> seen = new ArrayList<>();
        DurableFiles.create(dir.resolve("secret.yaml"), "s: 1\n".getBytes(StandardCharsets.UTF_8), true,
                p -> seen.add(mode(p)));
        DurableFiles.create(dir.resolve("plain.yaml"), "p: 1\n".getBytes(StandardCharsets.UTF_8), false,
                p -> seen.add(mode(p)));
        assertThat(seen.get(0)).isEqualTo("rw-------");
        assertThat(seen.get(1)).startsWith("rw-r");
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
