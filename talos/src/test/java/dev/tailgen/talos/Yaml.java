package dev.tailgen.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: YAML streams to Jackson trees. */
final class Yaml {

    static final ObjectMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    /** Every document of a YAML stream, in order. */
    static List<JsonNode> documents(String text) {
        try {
            return MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
