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
}
