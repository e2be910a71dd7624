package dev.tailgen.core.render;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * fabric8 model classes swallow unknown fields into {@code additionalProperties} even with
 * FAIL_ON_UNKNOWN_PROPERTIES; parsing is not validation. For the values {@link ModelShapes} hands to
 * Jackson, this walks what Jackson bound and fails on the first non-empty one, naming its path. The
 * path is kept as a stack of segments and only joined on failure; each class's fields are looked up
 * once.
 */
final class UnknownFields {
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    /** A model class's readable instance fields (without additionalProperties) and its getter for them. */
    private record ModelClass(List<Field> fields, Method additionalProperties) {
    }

    private static final ClassValue<ModelClass> MODEL_CLASSES = new ClassValue<>() {
        @Override
        protected ModelClass computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("additionalProperties")) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        fields.add(f);
                    } catch (RuntimeException e) {
                        // a field we cannot read holds no user data worth checking
                    }
                }
            }
            Method getter;
            try {
                getter = type.getMethod("getAdditionalProperties");
            } catch (NoSuchMethodException e) {
                getter = null;
            }
            return new ModelClass(List.copyOf(fields), getter);
        }
    };

    private UnknownFields() {
    }

    /** @param at where the root is in its document ({@code spec.ports[0].targetPort}); empty for a whole document */
    static void check(String what, Deque<Object> at, Object root) {
        walk(what, root, new ArrayDeque<>(at), new IdentityHashMap<>());
    }

    /** @param path field names and map keys (String) and list indexes (Integer), root first */
    private static void walk(String what, Object node, Deque<Object> path, IdentityHashMap<Object, Boolean> seen) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                path.addLast(i++);
                walk(what, item, path, seen);
                path.removeLast();
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                path.addLast(String.valueOf(e.getKey()));
                walk(what, e.getValue(), path, seen);
                path.removeLast();
            }
            return;
        }
        Class<?> type = node.getClass();
        if (!type.getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        ModelClass model = MODEL_CLASSES.get(type);
        Map<?, ?> extra = additionalProperties(model, node);
        if (extra != null && !extra.isEmpty()) {
            path.addLast(String.valueOf(extra.keySet().iterator().next()));
            throw ShapeException.unknownField(what, path);
        }
        for (Field f : model.fields()) {
            Object value;
            try {
                value = f.get(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            path.addLast(f.getName());
            walk(what, value, path, seen);
            path.removeLast();
        }
    }

    private static Map<?, ?> additionalProperties(ModelClass model, Object node) {
        if (model.additionalProperties() == null) {
            return null;
        }
        try {
            return model.additionalProperties().invoke(node) instanceof Map<?, ?> map ? map : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
