package dev.tailgen.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.config.PlaceholderResolver.Role;
import dev.tailgen.core.problem.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceholderResolverTest {
    private static final String P = "/operator/credentials/oauth/clientSecret";

    private ConfigDocument doc(Path dir) {
        Path file = TestConfigs.write(dir, TestConfigs.MINIMAL);
        return new YamlTreeReader().read(file, "tailscale.yaml", TestConfigs.MINIMAL.getBytes());
    }

    @Test
    void resolvesEnvironmentFileAndSettings(@TempDir Path dir) throws Exception {
        PlaceholderResolver r = new PlaceholderResolver(TestConfigs.SECRETS, true);
        ConfigDocument doc = doc(dir);
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/s"), "from-file\n");
        assertThat(r.resolve(doc, P, "${env:TS_CLIENT_SECRET}", Role.CLIENT_SECRET).reveal()).isEqualTo("csecret-456");
        assertThat(r.resolve(doc, P, "${file:secrets/s}", Role.CLIENT_SECRET).reveal()).isEqualTo("from-file");
        assertThat(r.resolve(doc, P, "${settings:tailscale-oauth}", Role.CLIENT_ID).reveal()).isEqualTo("settings-id");
        assertThat(r.resolve(doc, P, "${settings:tailscale-oauth}", Role.CLIENT_SECRET).reveal()).isEqualTo("settings-secret");
        assertThat(r.resolve(doc, P, "literal-id", Role.CLIENT_ID).reveal()).isEqualTo("literal-id");
    }

    @Test
    void missingValuesAreNamedNeverShown(@TempDir Path dir) {
        PlaceholderResolver r = new PlaceholderResolver(TestConfigs.SECRETS, true);
        ConfigDocument doc = doc(dir);
        assertThatThrownBy(() -> r.resolve(doc, P, "${file:nope}", Role.CLIENT_SECRET))
                .isInstanceOf(ConfigException.class)
                .hasMessage("tailscale.yaml:14:21: operator.credentials.oauth.clientSecret: ${file:nope}: no such file (looked for "
                        + dir.toAbsolutePath().resolve("nope") + ")");
        assertThatThrownBy(() -> r.resolve(doc, P, "${settings:other}", Role.CLIENT_SECRET))
                .hasMessage("tailscale.yaml:14:21: operator.credentials.oauth.clientSecret: ${settings:other}: settings.xml has no <server> with <id>other</id>; add one with <username> (client id) and <password> (client secret)");
        assertThatThrownBy(() -> r.resolve(doc, P, "${vault:x}", Role.CLIENT_SECRET))
                .hasMessage("tailscale.yaml:14:21: operator.credentials.oauth.clientSecret: not a placeholder this plugin knows: write the whole value as ${env:NAME}, ${file:PATH} or ${settings:SERVER_ID}");
    }

    @Test
    void validateChecksSyntaxWithoutResolving(@TempDir Path dir) {
        PlaceholderResolver r = new PlaceholderResolver(TestConfigs.SECRETS, false);
        ConfigDocument doc = doc(dir);
        assertThat(r.resolve(doc, P, "${env:NOT_SET_ANYWHERE}", Role.CLIENT_SECRET).reveal()).isEqualTo("unresolved-in-validate");
        assertThatThrownBy(() -> r.resolve(doc, P, "${env:1BAD}", Role.CLIENT_SECRET))
                .hasMessage("tailscale.yaml:14:21: operator.credentials.oauth.clientSecret: ${env:1BAD} is not a valid environment variable name (letters, digits and '_', not starting with a digit)");
    }

    @Test
    void secretValuesNeverPrint() {
        assertThat(new SecretValue("hunter2")).hasToString("****");
    }
}
