package dev.tailgen.talos;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes names and URLs: plain when any YAML 1.1 or 1.2 reader takes them as that string, else double-quoted. */
final class Scalars {

    /** Starts with a letter (so never a number, date or indicator), and holds no space, quote or flow character. */
    private static final Pattern SAFE_PLAIN = Pattern.compile("[a-z][A-Za-z0-9._~:/?#@!$&'()*+;=%-]*");

    /** Letter-first words that YAML 1.1 or 1.2 resolves to booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private Scalars() {
    }

    static String scalar(String value) {
        boolean plain = SAFE_PLAIN.matcher(value).matches()
                && !value.endsWith(":")
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT));
        return plain ? value : quoted(value);
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
