package dev.tailgen.core.uptodate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.config.SecretValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateTest {
    static final String CONFIG = TestConfigs.MINIMAL.replace("${env:TS_CLIENT_ID}", "${file:client-id}");

    static SecretSource env(String secret) {
        return new SecretSource() {
            @Override
            public Optional<String> environment(String name) {
                return Optional.ofNullable(Map.of("TS_CLIENT_SECRET", secret).get(name));
            }

            @Override
            public Optional<ServerCredentials> server(String id) {
                return Optional.of(new ServerCredentials("u", new SecretValue("p")));
            }
        };
    }

    @Test
    void theFingerprintFollowsConfigPlaceholderValuesAndFiles(@TempDir Path dir) throws IOException {
        Path config = TestConfigs.write(dir, CONFIG);
        Files.writeString(dir.resolve("client-id"), "cid-1");
        String first = Fingerprint.of(config, env("secret-1"));

        assertThat(Fingerprint.of(config, env("secret-1"))).isEqualTo(first).hasSize(64).doesNotContain("secret-1");
        assertThat(Fingerprint.of(config, env("secret-2"))).as("an environment value").isNotEqualTo(first);
        Files.writeString(dir.resolve("client-id"), "cid-2");
        assertThat(Fingerprint.of(config, env("secret-1"))).as("a ${file:} placeholder's file").isNotEqualTo(first);
        Files.writeString(dir.resolve("client-id"), "cid-1");
        Files.writeString(config, CONFIG.replace("tailscale-operator", "k8s-operator"));
        assertThat(Fingerprint.of(config, env("secret-1"))).as("the config").isNotEqualTo(first);
    }

    @Test
    void holdsUntilAnOutputFileOrTheInputsChange(@TempDir Path dir) throws IOException {
        Path config = TestConfigs.write(dir, TestConfigs.MINIMAL);
        Path out = dir.resolve("out");
        String fingerprint = Fingerprint.of(config, TestConfigs.SECRETS);
        assertThat(UpToDate.holds(out, fingerprint)).as("nothing written yet").isFalse();

        Generator generator = TestConfigs.generator(config);
        GenerationResult result = generator.render();
        generator.write(result, out, fingerprint);
        assertThat(UpToDate.holds(out, fingerprint)).isTrue();
        assertThat(UpToDate.holds(out, fingerprint.replace('a', 'b').replace('1', '2'))).as("other inputs").isFalse();
        assertThat(Files.readString(out.resolve(".tailgen-output"))).doesNotContain("csecret-456");

        Path manifest = out.resolve("manifests/tailscale-operator.yaml");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text + "# edited\n");
        assertThat(UpToDate.holds(out, fingerprint)).as("an edited output file").isFalse();
        Files.writeString(manifest, text);
        assertThat(UpToDate.holds(out, fingerprint)).isTrue();
        Files.writeString(out.resolve("manifests/extra.yaml"), "x: 1\n");
        assertThat(UpToDate.holds(out, fingerprint)).as("an added file").isFalse();
        Files.delete(out.resolve("manifests/extra.yaml"));
        Files.delete(out.resolve("REPORT.md"));
        assertThat(UpToDate.holds(out, fingerprint)).as("a deleted file").isFalse();
    }

    @Test
    void theChecksFingerprintFollowsTheConfigButNoPlaceholderValue(@TempDir Path dir) throws IOException {
        Path config = TestConfigs.write(dir, CONFIG);
        Files.writeString(dir.resolve("client-id"), "cid-1");
        String first = Fingerprint.ofChecks(config);

        assertThat(first).hasSize(64).isNotEqualTo(Fingerprint.of(config, env("secret-1")));
        Files.writeString(dir.resolve("client-id"), "cid-2");
        assertThat(Fingerprint.ofChecks(config)).as("a ${file:} placeholder's file: validate does not read it").isEqualTo(first);
        Files.writeString(config, CONFIG.replace("tailscale-operator", "k8s-operator"));
        assertThat(Fingerprint.ofChecks(config)).as("the config").isNotEqualTo(first);
    }

    @Test
    void validateMaySkipOnTheChecksAGenerateRecorded(@TempDir Path dir) throws IOException {
        Path config = TestConfigs.write(dir, TestConfigs.MINIMAL);
        Path out = dir.resolve("out");
        String checked = Fingerprint.ofChecks(config);
        assertThat(UpToDate.checked(out, checked)).as("nothing written yet").isFalse();

        Generator generator = TestConfigs.generator(config);
        GenerationResult result = generator.render();
        assertThat(result.checkedInputs()).isEqualTo(checked);
        generator.write(result, out, Fingerprint.of(config, TestConfigs.SECRETS));
        assertThat(UpToDate.checked(out, checked)).isTrue();
        assertThat(Files.readString(out.resolve(".tailgen-output"))).contains("checked: " + checked + "\n");

        Files.writeString(out.resolve("REPORT.md"), "edited\n");
        assertThat(UpToDate.checked(out, checked)).as("an edited output file: validate compares no output").isTrue();
        Files.writeString(config, TestConfigs.MINIMAL + "# a comment\n");
        assertThat(UpToDate.checked(out, Fingerprint.ofChecks(config))).as("an edited config").isFalse();

        assertThat(UpToDate.checkedSkip("tailscale.yaml", "target/tailscale", checked, "--force")).isEqualTo("tailscale.yaml passed"
                + " every check when target/tailscale was generated, and neither it, its bases, its crdSource files nor the code that"
                + " checks it changed since (checks fingerprint " + checked.substring(0, 12) + "); nothing checked. --force checks anyway");
    }

    @Test
    void aJarCountsByItsCentralDirectoryReadThroughTheEndRecord(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("lib.jar");
        writeJar(jar, "v1", "a comment after the directory");
        byte[] first = Fingerprint.centralDirectory(jar);
        // two directory entries (signature PK\1\2, 46 fixed bytes, name, extra field), not the comment
        String text = new String(first, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("PK\u0001\u0002").contains("a/One.class").contains("b/two.txt").doesNotContain("comment");
        assertThat(text.split("PK\u0001\u0002", -1)).hasSize(3);

        writeJar(jar, "v1", "");
        assertThat(Fingerprint.centralDirectory(jar)).as("the same entries, no comment").isEqualTo(first);
        writeJar(jar, "v2", "");
        assertThat(Fingerprint.centralDirectory(jar)).as("an entry's content (its CRC-32)").isNotEqualTo(first);
        Files.writeString(jar, "not a zip");
        assertThat(Fingerprint.centralDirectory(jar)).isNull();
    }

    private static void writeJar(Path jar, String content, String comment) throws IOException {
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("a/One.class", "b/two.txt")) {
                java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(name);
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write((name + content).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.setComment(comment);
        }
    }

    @Test
    void aNulInAPathLeavesTheRefusalToTheLoader(@TempDir Path dir) throws IOException {
        // found by the fuzzer (arbitraryBytes/crash-40be...): Path.resolve threw InvalidPathException, an internal error
        Path config = TestConfigs.write(dir, "extends: base\u0000.yaml\n" + TestConfigs.MINIMAL.replace("${env:TS_CLIENT_ID}", "${file:id\u0000}"));
        assertThat(Fingerprint.of(config, TestConfigs.SECRETS)).hasSize(64);
        assertThat(Fingerprint.ofChecks(config)).hasSize(64);
    }
}
