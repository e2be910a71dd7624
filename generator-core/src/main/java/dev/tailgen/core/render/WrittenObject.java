package dev.tailgen.core.render;

/**
 * One checked object, already written as YAML, with what ordering and the cross-object checks need
 * of it. Writing each object as soon as it is parsed lets its tree go at once: at 5,000 services the
 * trees alone would fill a 256 MB heap.
 */
public record WrittenObject(String apiVersion, String kind, String namespace, String name, String yaml) {
    public static WrittenObject of(Manifest object, String yaml) {
        return new WrittenObject(object.apiVersion(), object.kind(), object.namespace(), object.name(), yaml);
    }
}
