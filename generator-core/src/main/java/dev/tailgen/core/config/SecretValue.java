package dev.tailgen.core.config;

/** A resolved secret. {@link #toString()} never shows it, so it cannot leak through logs or messages. */
public final class SecretValue {
    private final String value;

    public SecretValue(String value) {
        this.value = value;
    }

    /** The clear value: only for the one template that writes the Secret. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
