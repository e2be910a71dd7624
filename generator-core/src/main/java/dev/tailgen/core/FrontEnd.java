package dev.tailgen.core;

/**
 * What the core asks of the front-end that runs it, as each Jib plugin builds its own
 * HelpfulSuggestions: how to name its commands. The core names no build tool.
 */
public interface FrontEnd {
    /** The command that writes the output, as a user types it with this front-end (for messages). */
    String generateCommand();

    /**
     * The command the generated files' headers name for regenerating them. It is part of the output's
     * bytes, so the front-ends used on one repository must answer the same (else the other's check drifts).
     */
    String regenerateCommand();

    /** A front-end that names its commands with these two strings. */
    static FrontEnd named(String generateCommand, String regenerateCommand) {
        record Named(String generateCommand, String regenerateCommand) implements FrontEnd {
        }
        return new Named(generateCommand, regenerateCommand);
    }
}
