package dev.tailgen.maven;

import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.config.SecretValue;
import dev.tailgen.core.problem.GenerationException;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Placeholder values from the process environment and from settings.xml servers, decrypted the Maven way. */
final class MavenSecretSource implements SecretSource {
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    MavenSecretSource(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    @Override
    public Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    @Override
    public String serverFile() {
        return "settings.xml";
    }

    @Override
    public Optional<ServerCredentials> server(String id) {
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // the problem text names the server, not the password
                throw new GenerationException("settings.xml server " + id + " cannot be decrypted: " + problem.getMessage(), true);
            }
        }
        Server clear = result.getServer();
        return Optional.of(new ServerCredentials(clear.getUsername(),
                clear.getPassword() == null ? null : new SecretValue(clear.getPassword())));
    }
}
