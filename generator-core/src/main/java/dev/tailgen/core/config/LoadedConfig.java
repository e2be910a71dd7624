package dev.tailgen.core.config;

/** A config that passed every check, with its source map for later messages. */
public record LoadedConfig(ConfigDocument document, TailscaleConfig config) {
}
