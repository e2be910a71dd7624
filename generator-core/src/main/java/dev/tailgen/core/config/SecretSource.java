package dev.tailgen.core.config;

import java.util.Optional;

/**
 * Where placeholders get their values. Each front-end implements it (the Maven plugin reads the
 * environment and decrypts its build tool's servers, the CLI reads the environment only);
 * {@code ${file:...}} is read by the core.
 */
public interface SecretSource {

    Optional<String> environment(String name);

    /** A {@code <server>} of the front-end's settings (username = client id, password = client secret), decrypted. */
    Optional<ServerCredentials> server(String id);

    /** How messages name the file that defines the servers. */
    default String serverFile() {
        return "the front-end's settings";
    }

    /** Why this front-end cannot resolve {@code ${settings:ID}}, naming the alternatives; empty when it can. */
    default Optional<String> serversRefused() {
        return Optional.empty();
    }

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
