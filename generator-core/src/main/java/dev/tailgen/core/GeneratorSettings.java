package dev.tailgen.core;

import dev.tailgen.core.config.SecretSource;
import java.nio.file.Path;

/**
 * Everything the core needs from a build tool (Jib's RawConfiguration idea): the mojo fills it in,
 * the core never sees Maven types.
 *
 * @param configFile        tailscale.yaml
 * @param configDisplayName how messages name it (relative to the project, e.g. {@code tailscale.yaml})
 * @param secrets           where placeholders get their values
 * @param resolveSecrets    false for validate: placeholders are checked but not resolved (CI has no secrets)
 */
public record GeneratorSettings(Path configFile, String configDisplayName, SecretSource secrets, boolean resolveSecrets) {
}
