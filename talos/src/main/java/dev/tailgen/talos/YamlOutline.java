package dev.tailgen.talos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A YAML stream as a tree of nodes that remember which lines they occupy, so that a caller can replace whole
 * lines and leave every other byte of the text as it was.
 *
 * <p>Built from SnakeYAML's parser events rather than its composer: an alias resolved by the composer carries
 * the position of its anchor, and the end mark of a block collection lies at the next token (after trailing
 * comments and blank lines). Here every node knows its first line and the last line that holds its own content.
 * Lines are split at the same breaks SnakeYAML counts ({@code \r\n}, {@code \r}, {@code \n}, U+0085, U+2028,
 * U+2029), so its line numbers index {@link #line(int)} directly.
 */
final class YamlOutline {

    /** Deeper nesting than any machine config has; keeps the recursive reader off the stack limit. */
    private static final int MAX_DEPTH = 500;

    enum Kind { SCALAR, MAPPING, SEQUENCE, ALIAS }

    /** One node; lines are 0-based, {@code column} counts code points as SnakeYAML does. */
    static final class Node {
        final Kind kind;
        final boolean flow;
        /** Scalar value; null for other kinds. */
        final String value;
        /** A plain (unquoted, not block) scalar. */
        final boolean plain;
        final int line;
        final int column;
        /** The last line holding this node's content (not trailing comments or blank lines). */
        final int lastLine;
        /** Mapping: key, value, key, value, ...; sequence: the items. */
        final List<Node> children;

        Node(Kind kind, boolean flow, String value, boolean plain, int line, int column, int lastLine,
                List<Node> children) {
            this.kind = kind;
            this.flow = flow;
            this.value = value;
            this.plain = plain;
            this.line = line;
            this.column = column;
            this.lastLine = lastLine;
            this.children = children;
        }

        boolean isMapping() {
            return kind == Kind.MAPPING;
        }

        boolean isSequence() {
            return kind == Kind.SEQUENCE;
        }

        /** {@code key:}, {@code key: ~}, {@code key: null}. */
        boolean isNull() {
            return kind == Kind.SCALAR && plain
                    && (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null")
                    || value.equals("NULL"));
        }

        /** The scalar value, or null when this is no scalar. */
        String text() {
            return kind == Kind.SCALAR ? value : null;
        }

        /** The key node of the first entry whose key is the scalar {@code key}, or null. */
        Node key(String key) {
            if (kind != Kind.MAPPING) {
                return null;
            }
            for (int i = 0; i + 1 < children.size(); i += 2) {
                if (key.equals(children.get(i).text())) {
                    return children.get(i);
                }
            }
            return null;
        }

        /** The value node of the first entry whose key is the scalar {@code key}, or null. */
        Node value(String key) {
            if (kind != Kind.MAPPING) {
                return null;
            }
            for (int i = 0; i + 1 < children.size(); i += 2) {
                if (key.equals(children.get(i).text())) {
                    return children.get(i + 1);
                }
            }
            return null;
        }

        /** The scalar value under {@code key}, or null. */
        String text(String key) {
            Node node = value(key);
            return node == null ? null : node.text();
        }

        /** The first key of a mapping, or null. */
        Node firstKey() {
            return kind == Kind.MAPPING && !children.isEmpty() ? children.get(0) : null;
        }
    }

    /**
     * One document of the stream.
     *
     * @param number        1-based
     * @param separatorLine line of its {@code ---}, or -1 when the document starts implicitly
     * @param root          its content
     */
    record Document(int number, int separatorLine, Node root) {
    }

    private final String text;
    /** Line i spans {@code lineStarts[i]} up to {@code lineStarts[i + 1]}, its line break included. */
    private final int[] lineStarts;
    /** Where the line break of line i starts. */
    private final int[] contentEnds;
    private final List<Document> documents = new ArrayList<>();

    private YamlOutline(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                int next = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                starts.add(start);
                ends.add(i);
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            starts.add(start);
            ends.add(text.length());
        }
        lineStarts = new int[starts.size() + 1];
        contentEnds = new int[ends.size()];
        for (int k = 0; k < starts.size(); k++) {
            lineStarts[k] = starts.get(k);
            contentEnds[k] = ends.get(k);
        }
        lineStarts[starts.size()] = text.length();
    }

    /**
     * Reads a YAML stream.
     *
     * @throws org.yaml.snakeyaml.error.YAMLException when the text is not YAML
     */
    static YamlOutline read(String text) {
        YamlOutline outline = new YamlOutline(text);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        Parser parser = new ParserImpl(new StreamReader(text), options);
        parser.getEvent(); // stream start
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            DocumentStartEvent start = (DocumentStartEvent) parser.getEvent();
            int separator = start.getExplicit() ? start.getStartMark().getLine() : -1;
            Node root = outline.node(parser, parser.getEvent(), 0);
            parser.getEvent(); // document end
            outline.documents.add(new Document(outline.documents.size() + 1, separator, root));
        }
        return outline;
    }

    List<Document> documents() {
        return Collections.unmodifiableList(documents);
    }

    String text() {
        return text;
    }

    int lineCount() {
        return lineStarts.length - 1;
    }

    /** Offset of the first character of {@code line}; {@code lineCount()} gives the text's length. */
    int offset(int line) {
        return lineStarts[line];
    }

    /** The line without its line break. */
    String line(int line) {
        return text.substring(lineStarts[line], contentEnds[line]);
    }

    /** The text of the node's first line in front of the node. */
    String prefix(Node node) {
        String line = line(node.line);
        return line.substring(0, Math.min(line.length(), line.offsetByCodePoints(0,
                Math.min(node.column, line.codePointCount(0, line.length())))));
    }

    boolean isBlank(int line) {
        return line(line).isBlank();
    }

    private Node node(Parser parser, Event event, int depth) {
        if (depth > MAX_DEPTH) {
            throw new TalosPatchException("the machine config nests deeper than " + MAX_DEPTH
                    + " levels: this is not a Talos machine config");
        }
        Mark start = event.getStartMark();
        if (event instanceof ScalarEvent scalar) {
            boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
            return new Node(Kind.SCALAR, false, scalar.getValue(), plain, start.getLine(), start.getColumn(),
                    scalarLastLine(scalar), List.of());
        }
        if (event instanceof MappingStartEvent || event instanceof SequenceStartEvent) {
            boolean mapping = event instanceof MappingStartEvent;
            boolean flow = ((CollectionStartEvent) event).isFlow();
            List<Node> children = new ArrayList<>();
            int last = start.getLine();
            Event next = parser.getEvent();
            while (!(next instanceof CollectionEndEvent)) {
                Node child = node(parser, next, depth + 1);
                children.add(child);
                last = Math.max(last, child.lastLine);
                next = parser.getEvent();
            }
            if (flow) {
                last = Math.max(last, next.getEndMark().getLine());
            }
            return new Node(mapping ? Kind.MAPPING : Kind.SEQUENCE, flow, null, false, start.getLine(),
                    start.getColumn(), last, List.copyOf(children));
        }
        // alias
        return new Node(Kind.ALIAS, false, null, false, start.getLine(), start.getColumn(),
                event.getEndMark().getLine(), List.of());
    }

    /**
     * A block scalar's end mark lies at the start of the line after it, past the blank lines it consumed; those
     * blank lines are not its content unless it keeps them ({@code |+}).
     */
    private int scalarLastLine(ScalarEvent scalar) {
        int first = scalar.getStartMark().getLine();
        Mark end = scalar.getEndMark();
        int last = end.getLine();
        if (end.getColumn() == 0 && last > first) {
            last--;
        }
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        boolean block = style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
        if (block && !keepsTrailingLines(scalar)) {
            int indent = contentIndent(first, last);
            while (last > first && line(last).isBlank() && line(last).length() <= indent) {
                last--;
            }
        }
        return Math.min(last, Math.max(first, lineCount() - 1));
    }

    /** The header ({@code |+}, {@code >2+}, ...) asks for keep chomping. */
    private boolean keepsTrailingLines(ScalarEvent scalar) {
        Mark start = scalar.getStartMark();
        String line = line(start.getLine());
        int at = line.offsetByCodePoints(0, Math.min(start.getColumn(), line.codePointCount(0, line.length())));
        for (int i = at + 1; i < line.length() && i <= at + 2; i++) {
            char c = line.charAt(i);
            if (c == '+') {
                return true;
            }
            if (!Character.isDigit(c) && c != '-') {
                break;
            }
        }
        return false;
    }

    /** Indentation of the first non-blank line after the header (lines of at most that many spaces are empty). */
    private int contentIndent(int header, int last) {
        for (int l = header + 1; l <= last && l < lineCount(); l++) {
            String line = line(l);
            if (!line.isBlank()) {
                int n = 0;
                while (n < line.length() && line.charAt(n) == ' ') {
                    n++;
                }
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }
}
