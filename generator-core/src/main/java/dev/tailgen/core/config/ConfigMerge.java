package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The merge rule of {@code extends}: mappings merge key by key, lists and scalars replace, and
 * {@code key: null} removes the base's key (so its default applies again), as a Helm values file does.
 */
final class ConfigMerge {
    private ConfigMerge() {
    }

    /** {@code overlay} on top of {@code base}; neither is changed. */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (!base.isObject() || !overlay.isObject()) {
            return overlay;
        }
        ObjectNode out = ((ObjectNode) base).deepCopy();
        for (Map.Entry<String, JsonNode> e : overlay.properties()) {
            JsonNode value = e.getValue();
            JsonNode under = out.get(e.getKey());
            if (value.isNull()) {
                out.remove(e.getKey());
            } else {
                out.set(e.getKey(), under == null ? value : merge(under, value));
            }
        }
        return out;
    }
}
