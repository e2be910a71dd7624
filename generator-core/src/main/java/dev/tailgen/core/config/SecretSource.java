package dev.tailgen.core.config;

import java.util.Optional;

/**
 * Where placeholders get their values. The build-tool adapter implements it (the Maven plugin reads
 * the environment and decrypts settings.xml servers); {@code ${file:...}} is read by the core.
 */
public interface SecretSource {

    Optional<String> environment(String name);

    /** A settings.xml {@code <server>} (username = client id, password = client secret), decrypted. */
    Optional<ServerCredentials> server(String id);

    record ServerCredentials(String username, SecretValue password) {
    }

    /** Resolves from the process environment only; no settings servers. */
    static SecretSource systemEnvironment() {
        return new SecretSource() {
            @Override
            public Optional<String> environment(String name) {
                return Optional.ofNullable(System.getenv(name));
            }

            @Override
            public Optional<ServerCredentials> server(String id) {
                return Optional.empty();
            }
        };
    }
}
