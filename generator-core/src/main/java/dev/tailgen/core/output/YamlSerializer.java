package dev.tailgen.core.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tailgen.core.problem.GenerationException;
import java.util.List;

/**
 * Deterministic YAML: fabric8's property order for typed fields, sorted maps, LF, every string
 * double-quoted (so "1", "on" or "12:30" stay strings), multi-line strings as literal blocks, no
 * line folding, no timestamps.
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
        this.mapper = YAMLMapper.builder(factory)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new GenerationException("cannot serialize " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), false);
        }
    }

    /** Documents (each as {@link #write} gives it) separated by {@code ---} lines. */
    public static String join(List<String> documents) {
        return String.join("---\n", documents);
    }
}
