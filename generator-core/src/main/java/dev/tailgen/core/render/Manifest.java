package dev.tailgen.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One Kubernetes object: typed (validated by fabric8, no unknown fields) and, for CRDs, the tree it
 * was read from (null otherwise). Rendered objects are written from the typed form (canonical field
 * order); upstream CRDs from their tree, so numbers and key order stay exactly as upstream wrote them.
 */
public record Manifest(HasMetadata object, JsonNode source) {
    public String kind() {
        return object.getKind();
    }
}
