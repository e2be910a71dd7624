package dev.tailgen.core.render;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One checked object, already written as YAML, with what ordering and the cross-object checks need
 * of it. Writing each object as soon as it is parsed lets its typed form go at once: at 5,000
 * services the typed objects alone would fill a 256 MB heap.
 */
public record WrittenObject(String apiVersion, String kind, String namespace, String name, String yaml) {
    public static WrittenObject of(HasMetadata object, String yaml) {
        String namespace = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        return new WrittenObject(object.getApiVersion(), object.getKind(), namespace, name, yaml);
    }
}
