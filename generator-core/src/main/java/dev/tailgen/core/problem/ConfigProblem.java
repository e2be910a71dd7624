package dev.tailgen.core.problem;

/**
 * One thing wrong with the user's config: where (file, line, column, config path), what is wrong
 * and what would be right. Never carries a secret value.
 */
public record ConfigProblem(String file, SourceLocation location, String configPath, String message) {

    /** {@code tailscale.yaml:3:13: operator.hostname: must be a DNS label (got "A_B")}. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (location.known()) {
            sb.append(':').append(location.line()).append(':').append(location.column());
        }
        sb.append(": ");
        if (!configPath.isEmpty()) {
            sb.append(configPath).append(": ");
        }
        return sb.append(message).toString();
    }
}
