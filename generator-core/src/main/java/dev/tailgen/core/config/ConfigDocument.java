package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.problem.ConfigProblem;
import java.nio.file.Path;
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

    public Path baseDirectory() {
        Path parent = path.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }
}
