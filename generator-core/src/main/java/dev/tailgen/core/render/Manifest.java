package dev.tailgen.core.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One checked Kubernetes object as a tree, with what ordering and the cross-object checks need of
 * it. A rendered object's tree is in written form (fabric8's field order, sorted maps); an upstream
 * CRD's is exactly as upstream wrote it, numbers and key order included.
 */
public record Manifest(String apiVersion, String kind, String namespace, String name, JsonNode tree) {
    static Manifest of(JsonNode tree) {
        JsonNode metadata = tree.path("metadata");
        return new Manifest(tree.path("apiVersion").textValue(), tree.path("kind").textValue(),
                metadata.path("namespace").textValue(), metadata.path("name").textValue(), tree);
    }
}
