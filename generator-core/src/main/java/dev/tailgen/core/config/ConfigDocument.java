package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.problem.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The parsed config tree plus where every node came from (worked out when a problem first needs it).
 * A config that {@code extends} a base is the merge of several files ({@code ConfigMerge}); each node
 * then comes from the last file of the chain that has it, so a message names the file and line that
 * set the value, base or overlay.
 */
public final class ConfigDocument {
    private final Path path;
    private final JsonNode tree;
    /** The files of the chain, base first; one for a config without {@code extends}. */
    private final List<Layer> layers;

    /** Where a node is: the file that set it (as messages name it) and the line and column. */
    public record Origin(String file, SourceLocation location) {
    }

    /** One file: its own tree and, read again when a problem needs it, where each of its nodes is. */
    static final class Layer {
        private final String displayName;
        private final JsonNode tree;
        private Supplier<SourceMap> locate;
        private SourceMap sourceMap;

        Layer(String displayName, JsonNode tree, Supplier<SourceMap> locate) {
            this.displayName = displayName;
            this.tree = tree;
            this.locate = locate;
        }

        synchronized SourceMap sourceMap() {
            if (sourceMap == null) {
                sourceMap = locate.get();
                locate = null;
            }
            return sourceMap;
        }

        boolean has(String pointer) {
            return !tree.at(pointer).isMissingNode();
        }
    }

    /**
     * @param path   the file on disk (relative paths in the config resolve against its folder)
     * @param locate reads the file again, recording where each node is
     */
    ConfigDocument(Path path, String displayName, JsonNode tree, Supplier<SourceMap> locate) {
        this(path, tree, List.of(new Layer(displayName, tree, locate)));
    }

    private ConfigDocument(Path path, JsonNode tree, List<Layer> layers) {
        this.path = path;
        this.tree = tree;
        this.layers = layers;
    }

    /** The chain's files merged, base first: {@code tree} is their merge, {@code path} the last file's. */
    static ConfigDocument merged(Path path, JsonNode tree, List<ConfigDocument> files) {
        List<Layer> layers = new ArrayList<>();
        files.forEach(f -> layers.addAll(f.layers));
        return new ConfigDocument(path, tree, List.copyOf(layers));
    }

    public Path path() {
        return path;
    }

    /** How messages name the config file itself (the last of the chain). */
    public String displayName() {
        return layers.get(layers.size() - 1).displayName;
    }

    public JsonNode tree() {
        return tree;
    }

    /** Where the value at {@code pointer} (or its nearest ancestor that exists) was written. */
    public Origin valueOrigin(String pointer) {
        Layer layer = layerOf(pointer);
        return new Origin(layer.displayName, layer.sourceMap().valueAt(pointer));
    }

    /** Where the mapping key naming {@code pointer} was written; falls back to the value. */
    public Origin keyOrigin(String pointer) {
        Layer layer = layerOf(pointer);
        return new Origin(layer.displayName, layer.sourceMap().keyAt(pointer));
    }

    /**
     * The file that set {@code pointer}: the last of the chain that has it, since a later file's value
     * replaces an earlier one's and a mapping present in both takes the later one's place. A pointer the
     * merged tree lacks is looked up by its nearest ancestor that exists.
     */
    private Layer layerOf(String pointer) {
        String present = pointer;
        while (!present.isEmpty() && tree.at(present).isMissingNode()) {
            present = present.substring(0, present.lastIndexOf('/'));
        }
        for (int i = layers.size() - 1; i > 0; i--) {
            if (layers.get(i).has(present)) {
                return layers.get(i);
            }
        }
        return layers.get(0);
    }

    public ConfigProblem problemAt(String pointer, String message) {
        Origin origin = valueOrigin(pointer);
        return new ConfigProblem(origin.file(), origin.location(), ConfigPath.fromPointer(pointer), message);
    }

    public ConfigProblem problemAtKey(String pointer, String message) {
        Origin origin = keyOrigin(pointer);
        return new ConfigProblem(origin.file(), origin.location(), ConfigPath.fromPointer(pointer), message);
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
