package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.problem.ConfigProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The parsed config tree plus where every node came from (worked out when a problem first needs it). */
public final class ConfigDocument {
    private final Path path;
    private final JsonNode tree;
    private Supplier<SourceMap> locate;
    private SourceMap sourceMap;

    /**
     * @param path   the file on disk (relative paths in the config resolve against its folder)
     * @param locate reads the file again, recording where each node is
     */
    ConfigDocument(Path path, JsonNode tree, Supplier<SourceMap> locate) {
        this.path = path;
        this.tree = tree;
        this.locate = locate;
    }

    public Path path() {
        return path;
    }

    public JsonNode tree() {
        return tree;
    }

    public synchronized SourceMap sourceMap() {
        if (sourceMap == null) {
            sourceMap = locate.get();
            locate = null;
        }
        return sourceMap;
    }

    public ConfigProblem problemAt(String pointer, String message) {
        SourceMap map = sourceMap();
        return new ConfigProblem(map.file(), map.valueAt(pointer), ConfigPath.fromPointer(pointer), message);
    }

    public ConfigProblem problemAtKey(String pointer, String message) {
        SourceMap map = sourceMap();
        return new ConfigProblem(map.file(), map.keyAt(pointer), ConfigPath.fromPointer(pointer), message);
    }

    /**
     * The pointers of the values {@code pattern} names, in document order: a plain JSON pointer, or one
     * with {@code *} segments for every item of a list ({@code /proxyClasses/*}{@code /tun}). Missing keys are left out;
     * a key holding null is kept.
     */
    public List<String> matching(String pattern) {
        List<String> out = new ArrayList<>();
        collect(tree, "", pattern.substring(1).split("/", -1), 0, out);
        return out;
    }

    private static void collect(JsonNode node, String at, String[] segments, int i, List<String> out) {
        if (node.isMissingNode()) {
            return;
        }
        if (i == segments.length) {
            out.add(at);
            return;
        }
        if (segments[i].equals("*")) {
            for (int index = 0; index < node.size() && node.isArray(); index++) {
                collect(node.get(index), ConfigPath.child(at, index), segments, i + 1, out);
            }
            return;
        }
        String key = segments[i].replace("~1", "/").replace("~0", "~");
        collect(node.path(key), at + "/" + segments[i], segments, i + 1, out);
    }

    public Path baseDirectory() {
        Path parent = path.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }
}
