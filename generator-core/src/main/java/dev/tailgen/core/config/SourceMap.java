package dev.tailgen.core.config;

import dev.tailgen.core.problem.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of the parsed config came from, keyed by JSON pointer. Only needed to report a
 * problem, so a valid config never builds one ({@link ConfigDocument#valueOrigin(String)}): for 5,000
 * services it is 200,000 entries.
 */
public final class SourceMap {
    private final String file;
    private final boolean recording;
    private final Map<String, SourceLocation> values = new HashMap<>();
    private final Map<String, SourceLocation> keys = new HashMap<>();

    /** @param recording false for a reading that only names the file (locations found on the way are dropped) */
    SourceMap(String file, boolean recording) {
        this.file = file;
        this.recording = recording;
    }

    void putValue(String pointer, SourceLocation location) {
        if (recording) {
            values.put(pointer, location);
        }
    }

    void putKey(String pointer, SourceLocation location) {
        if (recording) {
            keys.put(pointer, location);
        }
    }

    public String file() {
        return file;
    }

    /** The location of the value at {@code pointer}, or of its nearest ancestor that has one. */
    public SourceLocation valueAt(String pointer) {
        String p = pointer;
        while (true) {
            SourceLocation loc = values.get(p);
            if (loc != null) {
                return loc;
            }
            if (p.isEmpty()) {
                return SourceLocation.UNKNOWN;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The location of the mapping key that names {@code pointer}; falls back to the value. */
    public SourceLocation keyAt(String pointer) {
        SourceLocation loc = keys.get(pointer);
        return loc != null ? loc : valueAt(pointer);
    }
}
