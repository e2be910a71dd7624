package dev.tailgen.core;

import dev.tailgen.core.config.SecretSource;
import java.nio.file.Path;

/**
 * Everything the core needs from a front-end (Jib's RawConfiguration idea): the Maven goal or the CLI
 * fills it in, the core never sees their types.
 *
 * @param configFile        tailscale.yaml
 * @param configDisplayName how messages name it (relative to the project, e.g. {@code tailscale.yaml})
 * @param secrets           where placeholders get their values
 * @param resolveSecrets    false for validate: placeholders are checked but not resolved (CI has no secrets)
 * @param frontEnd          how to name the front-end's commands in messages and file headers
 */
public record GeneratorSettings(Path configFile, String configDisplayName, SecretSource secrets, boolean resolveSecrets,
        FrontEnd frontEnd) {
}
