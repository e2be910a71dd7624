package dev.tailgen.core.problem;

/** Base of the generator's typed exceptions; adapters map subclasses to their own failure types. */
public abstract class TailgenException extends RuntimeException {
    protected TailgenException(String message) {
        super(message);
    }

    protected TailgenException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the user can fix it by changing input (config, files, environment). */
    public abstract boolean userError();
}
