package dev.tailgen.core.render;

import java.util.Deque;
import java.util.List;

/** A value that does not fit its Kubernetes type, and where in the value it went wrong. */
public final class ShapeException extends ManifestException {
    private final List<Object> path;
    private final String problem;

    /**
     * @param path    field names and map keys (String) and list indexes (Integer), root first
     * @param problem what is wrong there, without the path ("unknown field", "must be an integer, not a string \"x\"")
     * @param message the whole message for a rendered object
     */
    ShapeException(Deque<Object> path, String problem, String message) {
        super(message);
        this.path = List.copyOf(path);
        this.problem = problem;
    }

    public List<Object> path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
