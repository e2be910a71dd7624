package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.problem.ConfigProblem;
import java.nio.file.Path;

/**
 * The parsed config tree plus where every node came from.
 *
 * @param path the file on disk (relative paths in the config resolve against its folder)
 */
public record ConfigDocument(Path path, JsonNode tree, SourceMap sourceMap) {

    public ConfigProblem problemAt(String pointer, String message) {
        return new ConfigProblem(sourceMap.file(), sourceMap.valueAt(pointer), ConfigPath.fromPointer(pointer), message);
    }

    public ConfigProblem problemAtKey(String pointer, String message) {
        return new ConfigProblem(sourceMap.file(), sourceMap.keyAt(pointer), ConfigPath.fromPointer(pointer), message);
    }

    public Path baseDirectory() {
        Path parent = path.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }
}
