package dev.tailgen.cli;

import dev.tailgen.core.FrontEnd;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every subcommand: the Maven plugin's tailscale.config, and the CLI's own. */
final class Common {
    /**
     * The generated files' headers name this command for regenerating them. They are part of the
     * output's bytes, so the default is the Maven goal's: a repository can use either front-end, or
     * both, and neither's check reports drift. A repository that only uses the CLI may name its own.
     */
    static final String MAVEN_GOAL = "mvn tailscale:generate";

    /** Messages name {@code tailgen generate}; the files' headers name {@code --regenerate-command}. */
    FrontEnd frontEnd() {
        return FrontEnd.named("tailgen generate", regenerateCommand);
    }

    /** How files and messages name the config: relative to the project folder, so the bytes equal the Maven plugin's. */
    String configName() {
        Path base = baseDir != null ? baseDir : config.toAbsolutePath().normalize().getParent();
        return Subcommand.relative(base, config);
    }

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tailscale.yaml",
            description = "The typed config file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--regenerate-command", paramLabel = "COMMAND", defaultValue = MAVEN_GOAL,
            description = "What the generated files' headers tell a reader to run (default: ${DEFAULT-VALUE}, so the bytes equal"
                    + " the Maven plugin's; every front-end of one repository must agree).")
    String regenerateCommand;

    @Option(names = "--base-dir", paramLabel = "DIR",
            description = "The project folder: the generated files and the config's error messages name the config relative to it,"
                    + " as the Maven plugin does to its project (default: the config file's folder).")
    Path baseDir;

    @Option(names = "--debug", description = "Print the stack trace of an internal error.")
    boolean debug;
}
