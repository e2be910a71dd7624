package dev.tailgen.talos;

/** A patch cannot be rendered; the message says what is wrong and what would be right. */
public final class TalosPatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TalosPatchException(String message) {
        super(message);
    }
}
