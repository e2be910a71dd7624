package dev.tailgen.core.render;

import java.util.Deque;
import java.util.List;

/** A value that does not fit its Kubernetes type, and where in the value it went wrong. */
public final class ShapeException extends ManifestException {
    private final List<Object> path;
    private final String problem;
    private final boolean atKey;

    /**
     * @param path    field names and map keys (String) and list indexes (Integer), root first
     * @param problem what is wrong there, without the path ("unknown field", "must be an integer, not a string")
     * @param atKey   the path ends in a key that should not be there (point at the key, not its value)
     * @param message the whole message for a rendered object
     */
    ShapeException(Deque<Object> path, String problem, boolean atKey, String message) {
        super(message);
        this.path = List.copyOf(path);
        this.problem = problem;
        this.atKey = atKey;
    }

    /** An unknown field: its path ends in the key that should not be there. */
    static ShapeException unknownField(String what, Deque<Object> path) {
        return new ShapeException(path, "unknown field", true, what + ": unknown field " + ModelShapes.joined(path));
    }

    public List<Object> path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    public boolean atKey() {
        return atKey;
    }
}
