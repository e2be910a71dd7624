package dev.tailgen.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.problem.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a JSON tree and records where each node came from. Refuses what
 * Jackson would otherwise accept silently: aliases (not expanded by Jackson), duplicate keys (last
 * one wins), explicit binary values, more than one document; and bounds size and nesting.
 */
public final class YamlTreeReader {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 64;

    private final YAMLFactory factory;

    public YamlTreeReader() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(0);
        loader.setNestingDepthLimit(MAX_DEPTH + 8);
        loader.setCodePointLimit(MAX_BYTES + 1);
        loader.setAllowDuplicateKeys(true); // we detect duplicates ourselves, with a location
        this.factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 8).build())
                .build();
    }

    static String tooLarge(long size) {
        return "the file is " + size + " bytes; a config may be at most " + MAX_BYTES + " bytes (1 MiB): split it or remove what is not needed";
    }

    /**
     * @param displayName how the file is named in messages (e.g. {@code tailscale.yaml})
     */
    public ConfigDocument read(Path path, String displayName, byte[] bytes) {
        JsonNode tree = read(bytes, new SourceMap(displayName, false));
        return new ConfigDocument(path, displayName, tree, () -> {
            SourceMap located = new SourceMap(displayName, true);
            read(bytes, located); // the same bytes read the same way: cannot fail now
            return located;
        });
    }

    private JsonNode read(byte[] bytes, SourceMap map) {
        String displayName = map.file();
        if (bytes.length > MAX_BYTES) {
            throw fail(displayName, SourceLocation.UNKNOWN, "",
                    tooLarge(bytes.length));
        }
        try (JsonParser parser = factory.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw fail(displayName, new SourceLocation(1, 1), "",
                        "the file is empty; expected a TailscaleCluster mapping (apiVersion, kind, metadata, ...)");
            }
            JsonNode tree = readValue((YAMLParser) parser, map, "", 1);
            if (parser.nextToken() != null) {
                throw fail(displayName, location(parser.currentTokenLocation()), "",
                        "found a second YAML document; a config file holds exactly one (remove the '---' separator)");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw fail(displayName, loc == null ? SourceLocation.UNKNOWN : location(loc), "",
                    "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw fail(displayName, SourceLocation.UNKNOWN, "", "cannot read the file: " + e.getMessage());
        }
    }

    private JsonNode readValue(YAMLParser p, SourceMap map, String pointer, int depth) throws IOException {
        SourceLocation here = location(p.currentTokenLocation());
        if (p.isCurrentAlias()) {
            throw fail(map.file(), here, ConfigPath.fromPointer(pointer),
                    "YAML aliases (*name) are not supported; write the value out in full");
        }
        if (depth > MAX_DEPTH) {
            String topKey = pointer.substring(0, pointer.indexOf('/', 1) < 0 ? pointer.length() : pointer.indexOf('/', 1));
            throw fail(map.file(), here, ConfigPath.fromPointer(topKey),
                    "nesting is deeper than " + MAX_DEPTH + " levels; a config never needs that");
        }
        map.putValue(pointer, here);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode obj = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = ConfigPath.child(pointer, key);
                    SourceLocation keyLoc = location(p.currentTokenLocation());
                    if (obj.has(key)) {
                        throw fail(map.file(), keyLoc, ConfigPath.fromPointer(child),
                                "duplicate key \"" + key + "\"; each key may appear once in a mapping");
                    }
                    map.putKey(child, keyLoc);
                    p.nextToken();
                    obj.set(key, readValue(p, map, child, depth + 1));
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = nodes.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(readValue(p, map, ConfigPath.child(pointer, i++), depth + 1));
                }
                return arr;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return nodes.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw fail(map.file(), here, ConfigPath.fromPointer(pointer),
                        "unsupported YAML value (" + p.currentToken() + "); use a plain string, number, boolean, list or mapping");
        }
    }

    static SourceLocation location(JsonLocation loc) {
        return new SourceLocation(loc.getLineNr(), loc.getColumnNr());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    private static ConfigException fail(String file, SourceLocation loc, String path, String message) {
        return new ConfigException(new ConfigProblem(file, loc, path, message));
    }
}
