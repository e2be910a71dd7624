package dev.tailgen.core.problem;

/**
 * Something failed that is not the config's fault as written: an I/O error, or a rendered
 * document that does not pass our own checks (a bug in a template). Never carries a secret value.
 */
public final class GenerationException extends TailgenException {
    private final boolean userError;

    public GenerationException(String message, boolean userError) {
        super(message);
        this.userError = userError;
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
        this.userError = false;
    }

    @Override
    public boolean userError() {
        return userError;
    }
}
