package dev.tailgen.maven;

/** Every user property of the plugin, in one place (they are its public interface). */
final class PropertyNames {
    static final String CONFIG = "tailscale.config";
    static final String OUTPUT_DIRECTORY = "tailscale.outputDirectory";
    static final String SKIP = "tailscale.skip";
    static final String FORCE = "tailscale.force";
    static final String MACHINE_CONFIGS = "tailscale.machineConfigs";
    static final String EMBED_SECRET = "tailscale.embedSecret";

    /** How the goals tell a user to name the machine configs. */
    static final String HOW_TO_NAME_MACHINE_CONFIGS = "<machineConfigs><machineConfig>controlplane.yaml</machineConfig></machineConfigs>"
            + " in the plugin configuration, or -D" + MACHINE_CONFIGS + "=controlplane.yaml,cp2.yaml";

    private PropertyNames() {
    }
}
