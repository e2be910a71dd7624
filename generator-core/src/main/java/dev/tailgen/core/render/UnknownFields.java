package dev.tailgen.core.render;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * fabric8 model classes swallow unknown fields into {@code additionalProperties} even with
 * FAIL_ON_UNKNOWN_PROPERTIES; parsing is not validation. This walks the object graph and fails on
 * the first non-empty one, naming its path.
 */
final class UnknownFields {
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    static void check(String what, Object root) {
        walk(what, root, "", new IdentityHashMap<>());
    }

    private static void walk(String what, Object node, String path, IdentityHashMap<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(what, item, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(what, e.getValue(), path + "." + e.getKey(), seen);
            }
            return;
        }
        Class<?> type = node.getClass();
        if (!type.getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        Map<?, ?> extra = additionalProperties(node);
        if (extra != null && !extra.isEmpty()) {
            String key = String.valueOf(extra.keySet().iterator().next());
            String parent = path.startsWith(".") ? path.substring(1) : path;
            throw new ManifestException(what + ": unknown field " + (parent.isEmpty() ? key : parent + "." + key));
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("additionalProperties")) {
                    continue;
                }
                Object value;
                try {
                    f.setAccessible(true);
                    value = f.get(node);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue; // a field we cannot read holds no user data worth checking
                }
                walk(what, value, path + "." + f.getName(), seen);
            }
        }
    }

    private static Map<?, ?> additionalProperties(Object node) {
        try {
            Method m = node.getClass().getMethod("getAdditionalProperties");
            Object value = m.invoke(node);
            return value instanceof Map<?, ?> map ? map : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
