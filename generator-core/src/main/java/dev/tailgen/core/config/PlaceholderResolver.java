package dev.tailgen.core.config;

import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.talos.NamePatterns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}}, {@code ${file:PATH}} and {@code ${settings:SERVER_ID}}. Messages name
 * the placeholder, never its value. In check-only mode (validate in CI, where secrets are absent)
 * the syntax is checked and a stand-in value is returned.
 */
public final class PlaceholderResolver {
    private static final Pattern PLACEHOLDER = NamePatterns.PLACEHOLDER_PATTERN;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Which half of a credential a value is: a settings server gives username and password. */
    public enum Role {
        CLIENT_ID, CLIENT_SECRET
    }

    private final SecretSource source;
    private final boolean resolve;

    public PlaceholderResolver(SecretSource source, boolean resolve) {
        this.source = source;
        this.resolve = resolve;
    }

    public static boolean isPlaceholder(String raw) {
        return PLACEHOLDER.matcher(raw).matches();
    }

    public SecretValue resolve(ConfigDocument doc, String pointer, String raw, Role role) {
        Matcher m = PLACEHOLDER.matcher(raw);
        if (!m.matches()) {
            if (raw.contains("${")) {
                throw new ConfigException(doc.problemAt(pointer,
                        "not a placeholder this plugin knows: write the whole value as " + forms()));
            }
            return new SecretValue(raw);
        }
        String kind = m.group(1);
        String arg = m.group(2);
        return switch (kind) {
            case "env" -> fromEnvironment(doc, pointer, arg);
            case "file" -> fromFile(doc, pointer, arg);
            default -> fromSettings(doc, pointer, arg, role);
        };
    }

    private SecretValue fromEnvironment(ConfigDocument doc, String pointer, String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            throw new ConfigException(doc.problemAt(pointer,
                    "${env:" + name + "} is not a valid environment variable name (letters, digits and '_', not starting with a digit)"));
        }
        if (!resolve) {
            return standIn();
        }
        String value = source.environment(name).orElse(null);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(doc.problemAt(pointer,
                    "environment variable " + name + " is not set; export it before running, or use "
                            + (source.serversRefused().isPresent() ? "${file:PATH}" : "${file:PATH} or ${settings:SERVER_ID}")));
        }
        return new SecretValue(value.strip());
    }

    private SecretValue fromFile(ConfigDocument doc, String pointer, String relative) {
        if (relative.isBlank()) {
            throw new ConfigException(doc.problemAt(pointer, "${file:} needs a path, e.g. ${file:secrets/client_secret}"));
        }
        if (!resolve) {
            return standIn();
        }
        Path file = doc.baseDirectory().resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(doc.problemAt(pointer,
                    "${file:" + relative + "}: no such file (looked for " + file + ")"));
        }
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new ConfigException(doc.problemAt(pointer, "${file:" + relative + "}: the file is empty"));
            }
            return new SecretValue(value);
        } catch (IOException e) {
            throw new ConfigException(doc.problemAt(pointer,
                    "${file:" + relative + "}: cannot read " + file + " (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** The forms this front-end resolves. */
    private String forms() {
        return source.serversRefused().isPresent() ? "${env:NAME} or ${file:PATH}" : "${env:NAME}, ${file:PATH} or ${settings:SERVER_ID}";
    }

    /** Refused, even in validate, where the front-end has no servers: the same config must fail in CI as it would at generate. */
    private SecretValue fromSettings(ConfigDocument doc, String pointer, String id, Role role) {
        source.serversRefused().ifPresent(why -> {
            throw new ConfigException(doc.problemAt(pointer, "${settings:" + id + "}: " + why));
        });
        if (id.isBlank()) {
            throw new ConfigException(doc.problemAt(pointer, "${settings:} needs a server id from " + source.serverFile()
                    + ", e.g. ${settings:tailscale-oauth}"));
        }
        if (!resolve) {
            return standIn();
        }
        SecretSource.ServerCredentials server = source.server(id).orElseThrow(() -> new ConfigException(doc.problemAt(pointer,
                "${settings:" + id + "}: " + source.serverFile() + " has no <server> with <id>" + id
                        + "</id>; add one with <username> (client id) and <password> (client secret)")));
        if (role == Role.CLIENT_ID) {
            if (server.username() == null || server.username().isBlank()) {
                throw new ConfigException(doc.problemAt(pointer, "${settings:" + id + "}: the <server> has no <username> (the OAuth client id)"));
            }
            return new SecretValue(server.username().strip());
        }
        if (server.password() == null || server.password().reveal().isBlank()) {
            throw new ConfigException(doc.problemAt(pointer, "${settings:" + id + "}: the <server> has no <password> (the OAuth client secret)"));
        }
        return server.password();
    }

    private static SecretValue standIn() {
        return new SecretValue("unresolved-in-validate");
    }
}
