package dev.tailgen.cli;

import dev.tailgen.core.config.SecretSource;
import java.util.Optional;

/** Placeholder values from the process environment; {@code ${settings:ID}} is refused (there is no settings.xml here). */
final class CliSecretSource implements SecretSource {
    static final CliSecretSource INSTANCE = new CliSecretSource();

    private CliSecretSource() {
    }

    @Override
    public Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    @Override
    public Optional<ServerCredentials> server(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<String> serversRefused() {
        return Optional.of("${settings:} reads a server of Maven's settings.xml, which tailgen does not read; use ${env:NAME}"
                + " (an environment variable, e.g. from your secret manager or CI) or ${file:PATH} (a file relative to the config,"
                + " e.g. a mounted secret)");
    }
}
