package dev.tailgen.core.render;

import dev.tailgen.core.problem.TailgenException;

/**
 * A manifest failed re-parsing or a check. For rendered templates that is our bug; for a CRD source
 * the user named, it is theirs: {@link #userError()} says which.
 */
public class ManifestException extends TailgenException {
    private final boolean userError;

    public ManifestException(String message) {
        this(message, false);
    }

    public ManifestException(String message, boolean userError) {
        super(message);
        this.userError = userError;
    }

    @Override
    public boolean userError() {
        return userError;
    }
}
