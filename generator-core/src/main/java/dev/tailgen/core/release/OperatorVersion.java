package dev.tailgen.core.release;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator release {@code v<major>.<minor>.<patch>}; its line is {@code v<major>.<minor>.x}. The
 * only place that reads or orders version strings (the release data decides what they mean).
 */
public record OperatorVersion(int major, int minor, int patch) implements Comparable<OperatorVersion> {
    /** The schema's {@code operatorVersion} pattern says the same (NamePatternsTest): no leading zeros, at most 4 digits. */
    public static final String FORM_TEXT = "v(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})";
    private static final Pattern FORM = Pattern.compile(FORM_TEXT);
    private static final Comparator<OperatorVersion> ORDER = Comparator.comparingInt(OperatorVersion::major)
            .thenComparingInt(OperatorVersion::minor).thenComparingInt(OperatorVersion::patch);

    /** @throws IllegalArgumentException when {@code text} is not {@code v<major>.<minor>.<patch>} */
    public static OperatorVersion parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a release 'v<major>.<minor>.<patch>' (got \"" + text + "\")");
        }
        return new OperatorVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** {@code v1.2.x} */
    public String line() {
        return "v" + major + "." + minor + ".x";
    }

    @Override
    public int compareTo(OperatorVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
