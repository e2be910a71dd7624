package dev.tailgen.talos;

import java.util.ArrayList;
import java.util.List;

/** Normalises manifest text and writes it as a YAML literal block scalar ({@code |}). */
final class LiteralBlock {

    /** Indentation of the block's lines relative to its key. */
    static final int STEP = 2;

    private LiteralBlock() {
    }

    /**
     * Returns the text as it will be stored: LF line ends, no trailing spaces, no leading or trailing blank
     * lines, exactly one final newline.
     *
     * @param owner e.g. {@code inline manifest "tailscale-operator"}, used in messages
     * @throws TalosPatchException on tabs, characters YAML cannot hold, or nothing but blank lines
     */
    static String normalise(String owner, String text) {
        if (text == null) {
            throw empty(owner);
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int tab = line.indexOf('\t');
            if (tab >= 0) {
                throw new TalosPatchException(owner + " contains a tab on line " + (i + 1)
                        + ": tabs cannot be kept in a literal block; use spaces");
            }
            int bad = firstUnprintable(line);
            if (bad >= 0) {
                throw new TalosPatchException(owner + " contains the character " + codePoint(bad) + " on line "
                        + (i + 1) + ", which a YAML literal block cannot hold; remove it");
            }
            kept.add(stripTrailingSpaces(line));
        }
        int from = 0;
        while (from < kept.size() && kept.get(from).isEmpty()) {
            from++;
        }
        int to = kept.size();
        while (to > from && kept.get(to - 1).isEmpty()) {
            to--;
        }
        if (from == to) {
            throw empty(owner);
        }
        return String.join("\n", kept.subList(from, to)) + "\n";
    }

    /**
     * Writes {@code key: |} at {@code column} followed by the normalised text, each non-empty line indented by
     * {@code column + STEP}; blank lines are written empty. A first line starting with a space gets an
     * explicit indentation indicator ({@code |2}), since YAML would otherwise take its spaces as indentation.
     */
    static void write(StringBuilder out, int column, String key, String normalised) {
        String indent = " ".repeat(column + STEP);
        out.append(" ".repeat(column)).append(key).append(": |");
        if (normalised.startsWith(" ")) {
            out.append(STEP);
        }
        out.append('\n');
        for (String line : normalised.substring(0, normalised.length() - 1).split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(indent).append(line);
            }
            out.append('\n');
        }
    }

    /**
     * Index of the first code point YAML cannot carry, or -1. Besides non-printable characters this rejects
     * U+0085, U+2028 and U+2029 (line breaks for YAML 1.1 readers such as go-yaml and SnakeYAML) and U+FEFF.
     * Tabs are allowed here (callers decide about them).
     */
    static int firstUnprintable(String line) {
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            boolean ok = cp == '\t'
                    || (cp >= 0x20 && cp <= 0x7E)
                    || (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029)
                    || (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static TalosPatchException empty(String owner) {
        return new TalosPatchException(owner + " has empty contents: give at least one Kubernetes object");
    }
}
