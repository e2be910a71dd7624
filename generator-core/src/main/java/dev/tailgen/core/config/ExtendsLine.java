package dev.tailgen.core.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a config names its base: one top-level line {@code extends: PATH}. The up-to-date check finds
 * the chain's files with this scan, before any YAML parser loads; the loader refuses an
 * {@code extends} the scan would not see the same way, so the two never disagree about the chain.
 */
public final class ExtendsLine {
    public static final String KEY = "extends";
    /** More is a mistake, not a layout: a base of a base of a base is already hard to follow. */
    public static final int MAX_FILES = 16;
    private static final Pattern LINE = Pattern.compile(
            "(?m)^extends:[ \\t]*(?:\"([^\"\\\\\\r\\n]*)\"|'([^'\\r\\n]*)'|([^\\s\"'#][^#\\r\\n]*?))[ \\t]*(?:#[^\\r\\n]*)?$");

    private ExtendsLine() {
    }

    /** The path on the first {@code extends:} line of {@code text}, as written. */
    public static Optional<String> scan(String text) {
        Matcher m = LINE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        for (int group = 1; group <= 3; group++) {
            if (m.group(group) != null) {
                return Optional.of(m.group(group));
            }
        }
        return Optional.empty();
    }
}
