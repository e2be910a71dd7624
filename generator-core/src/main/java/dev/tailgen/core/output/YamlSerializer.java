package dev.tailgen.core.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tailgen.core.problem.GenerationException;
import java.util.List;

/**
 * Deterministic YAML of a checked tree, in the order the tree holds (ManifestParser puts rendered
 * objects in fabric8's property order with sorted maps): LF, every string double-quoted (so "1",
 * "on" or "12:30" stay strings), multi-line strings as literal blocks, no line folding.
 */
public final class YamlSerializer {
    private final ObjectMapper mapper;

    public YamlSerializer() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.USE_PLATFORM_LINE_BREAKS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        this.mapper = YAMLMapper.builder(factory).build();
    }

    public String write(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new GenerationException("cannot serialize " + tree.path("kind").asText("a document") + ": " + e.getOriginalMessage(), false);
        }
    }

    /** Documents (each as {@link #write} gives it) separated by {@code ---} lines. */
    public static String join(List<String> documents) {
        return String.join("---\n", documents);
    }
}
