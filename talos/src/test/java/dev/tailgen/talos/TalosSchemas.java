package dev.tailgen.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: validates ONE machine-config document against the {@code $defs} entry for its kind in
 * {@code ../shared/upstream/talos/v<version>/config.schema.json} (draft 2020-12), as the docs prescribe: the
 * root {@code oneOf} is not used, so errors are specific.
 */
final class TalosSchemas {

    static final String LEGACY_DEF = "v1alpha1.Config";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, JsonNode> ROOTS = new HashMap<>();
    private static final Map<String, Schema> SCHEMAS = new HashMap<>();

    private final String version;
    private final JsonNode root;

    private TalosSchemas(String version, JsonNode root) {
        this.version = version;
        this.root = root;
    }

    /** The schema of {@code version} ("1.13", "1.14"); skips the calling test when the data is absent. */
    static synchronized TalosSchemas of(String version) {
        JsonNode root = ROOTS.computeIfAbsent(version, v -> {
            try {
                return JSON.readTree(SharedData.talosFile("v" + v + "/config.schema.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new TalosSchemas(version, root);
    }

    /** {@code v1alpha1.Config} for the legacy document (no kind), else the entry whose kind enum holds its kind. */
    String defFor(JsonNode document) {
        JsonNode kind = document.get("kind");
        if (kind == null) {
            return LEGACY_DEF;
        }
        var defs = root.get("$defs").fields();
        while (defs.hasNext()) {
            var def = defs.next();
            for (JsonNode value : def.getValue().path("properties").path("kind").path("enum")) {
                if (value.asText().equals(kind.asText())) {
                    return def.getKey();
                }
            }
        }
        throw new AssertionError("the v" + version + " schema has no $defs entry for kind " + kind);
    }

    /** Error messages (empty when valid). */
    List<String> validate(JsonNode document) {
        String def = defFor(document);
        Schema schema;
        synchronized (TalosSchemas.class) {
            schema = SCHEMAS.computeIfAbsent(version + "#" + def, key -> REGISTRY.getSchema(wrapper(def)));
        }
        List<String> messages = new ArrayList<>();
        schema.validate(document).forEach(error -> messages.add(def + ": " + error));
        return messages;
    }

    /** The schema file with its root replaced by a {@code $ref} to one {@code $defs} entry. */
    private JsonNode wrapper(String def) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.put("$ref", "#/$defs/" + def.replace("~", "~0").replace("/", "~1"));
        wrapper.set("$defs", root.get("$defs"));
        return wrapper;
    }
}
