package dev.tailgen.core.config;

import java.util.regex.Pattern;

/** Turns a JSON pointer ({@code /services/1/hostname}) into the path users read ({@code services[1].hostname}). */
public final class ConfigPath {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]*");

    private ConfigPath() {
    }

    public static String fromPointer(String pointer) {
        if (pointer.isEmpty() || pointer.equals("/")) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String seg = raw.replace("~1", "/").replace("~0", "~");
            if (INDEX.matcher(seg).matches() && sb.length() > 0) {
                sb.append('[').append(seg).append(']');
            } else {
                appendKey(sb, seg);
            }
        }
        return sb.toString();
    }

    /** Appends one mapping key, quoting keys such as {@code group:dev} or {@code kubernetes.io/os}. */
    public static void appendKey(StringBuilder sb, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(key);
        } else {
            sb.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
    }

    public static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
