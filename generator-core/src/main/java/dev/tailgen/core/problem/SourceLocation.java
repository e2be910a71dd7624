package dev.tailgen.core.problem;

/** A 1-based line and column in a config file. */
public record SourceLocation(int line, int column) {
    public static final SourceLocation UNKNOWN = new SourceLocation(0, 0);

    public boolean known() {
        return line > 0;
    }
}
