package dev.tailgen.core.render;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a parsed Kubernetes object against its fabric8 model class without binding it to that class
 * and, when asked, puts the tree in the form Jackson writes the bound object in: fabric8's property
 * order, maps sorted by key, no null fields, no empty lists or maps where fabric8 leaves them out.
 * fabric8 stays the schema: each field's {@code @JsonProperty} name, declared type and
 * {@code @JsonInclude}.
 * A value whose class or field carries any other Jackson annotation (Quantity's own deserializer,
 * JSONSchemaPropsOrArray, polymorphic types) is handed to Jackson, for that value only.
 *
 * <p>Why not bind: Jackson builds a reader for every type reachable from a class before it reads the
 * first document. For the kinds we emit that loaded and introspected some 500 fabric8 classes
 * (PodSpec alone reaches most of them) and cost about 0.4 s of a cold generate run.
 * This looks only at the classes of the fields present (about 125), once each. It is also stricter
 * than binding, which turns {@code "80"} into a port, {@code 1.5} into a replica count and keeps a
 * null in a list of strings: here each of those fails.
 */
final class ModelShapes {
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
    /** The Jackson annotations whose meaning {@link Walk} implements; any other means "let Jackson read it". */
    private static final Set<Class<? extends Annotation>> UNDERSTOOD = Set.of(
            JsonProperty.class, JsonInclude.class, JsonIgnore.class, JsonPropertyOrder.class, JsonDeserialize.class);

    /** A property's declared type, and whether fabric8 leaves it out when empty. */
    private record Property(Type type, boolean omitEmpty) {
    }

    /**
     * @param properties by JSON name, in the order Jackson writes them
     * @param open whether other keys are allowed (a custom resource's spec; its shape is checked elsewhere)
     */
    private record Model(Map<String, Property> properties, boolean open) {
    }

    /** Classes that are not a model this class can walk: Jackson reads their values. */
    private static final Model JACKSON = new Model(Map.of(), false);

    private static final ClassValue<Model> MODELS = new ClassValue<>() {
        @Override
        protected Model computeValue(Class<?> type) {
            return model(type);
        }
    };

    private final ObjectMapper reader;
    /** Writes what Jackson read back as a tree, as Jackson would have written the bound object: maps sorted, no nulls. */
    private final ObjectMapper writer = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** @param reader the strict mapper (unknown properties fail) for values this class hands to Jackson */
    ModelShapes(ObjectMapper reader) {
        this.reader = reader;
    }

    /**
     * @param what names the object in messages ("deployment.yaml.j2: Deployment operator")
     * @param rewrite put the tree in written form; false only checks and leaves it as it was read
     */
    void check(String what, ObjectNode doc, Class<?> type, boolean rewrite) {
        new Walk(what, rewrite).value(doc, type);
    }

    /**
     * Checks a value of a Kubernetes type (a config key that holds one, such as an Affinity) without
     * changing it.
     *
     * @throws ShapeException naming the path inside {@code value} where it went wrong
     */
    void checkValue(String what, JsonNode value, Type type) {
        new Walk(what, false).value(value, type);
    }

    /** One walk over one object; the path is a stack of segments, joined only for a message. */
    private final class Walk {
        private final String what;
        private final boolean rewrite;
        private final Deque<Object> path = new ArrayDeque<>();

        Walk(String what, boolean rewrite) {
            this.what = what;
            this.rewrite = rewrite;
        }

        /** @return the node to keep in the parent: the same one, or Jackson's form of it */
        JsonNode value(JsonNode node, Type type) {
            Class<?> raw = raw(type);
            if (raw == null) {
                return jackson(node, type); // a type variable or wildcard
            }
            if (raw == String.class) {
                return expect(node, node.isTextual(), "a string");
            }
            if (raw == Integer.class || raw == int.class) {
                return expect(node, node.isIntegralNumber() && node.canConvertToInt(), "an integer");
            }
            if (raw == Long.class || raw == long.class) {
                return expect(node, node.isIntegralNumber() && node.canConvertToLong(), "an integer");
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return expect(node, node.isBoolean(), "true or false");
            }
            if (raw == Double.class || raw == double.class) {
                expect(node, node.isNumber(), "a number");
                return rewrite && !node.isDouble() ? DoubleNode.valueOf(node.doubleValue()) : node;
            }
            if (raw == IntOrString.class) {
                // the commonest value Jackson would otherwise read (every port); it writes it back as it was
                return expect(node, node.isTextual() || (node.isIntegralNumber() && node.canConvertToInt()), "an integer or a string");
            }
            if (raw == Object.class) {
                return jackson(node, type); // none in the kinds we emit; Jackson's inclusion rules for it are its own
            }
            if (JsonNode.class.isAssignableFrom(raw)) {
                return node;
            }
            if (raw == List.class) {
                return list(node, argument(type, 0));
            }
            if (raw == Map.class && argument(type, 0) == String.class) {
                return map(node, argument(type, 1));
            }
            Model model = MODELS.get(raw);
            if (model == JACKSON) {
                return jackson(node, type);
            }
            for (String field : RequiredFields.of(raw)) {
                if (!node.path(field).isMissingNode() && !node.path(field).isNull()) {
                    continue;
                }
                String problem = "missing required field \"" + field + "\"";
                throw new ShapeException(path, problem, false, what + ": " + (path.isEmpty() ? "" : joined(path) + ": ") + problem);
            }
            return object(node, model);
        }

        private JsonNode list(JsonNode node, Type element) {
            expect(node, node.isArray(), "a list");
            ArrayNode items = (ArrayNode) node;
            for (int i = 0; i < items.size(); i++) {
                path.addLast(i);
                JsonNode item = items.get(i);
                JsonNode kept = value(item, element);
                if (kept != item) {
                    items.set(i, kept);
                }
                path.removeLast();
            }
            return node;
        }

        /** A typed map: keys sorted; a null value stays (Jackson writes it, as upstream's chart renders have it). */
        private JsonNode map(JsonNode node, Type valueType) {
            expect(node, node.isObject(), "a map");
            Map<String, JsonNode> entries = rewrite ? new TreeMap<>() : null;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode kept = e.getValue();
                if (!kept.isNull()) {
                    path.addLast(e.getKey());
                    kept = value(kept, valueType);
                    path.removeLast();
                }
                if (rewrite) {
                    entries.put(e.getKey(), kept);
                }
            }
            return rewrite ? replaceAll((ObjectNode) node, entries) : node;
        }

        private JsonNode object(JsonNode node, Model model) {
            expect(node, node.isObject(), "an object");
            Map<String, JsonNode> known = rewrite ? new LinkedHashMap<>() : null;
            Map<String, JsonNode> other = rewrite ? new TreeMap<>() : null;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Property p = model.properties().get(e.getKey());
                JsonNode v = e.getValue();
                if (p == null && !model.open()) {
                    path.addLast(e.getKey());
                    throw ShapeException.unknownField(what, path);
                }
                if (v.isNull()) {
                    continue; // Jackson would drop it on the way out (NON_NULL)
                }
                if (p == null) {
                    if (rewrite) {
                        other.put(e.getKey(), extra(v));
                    }
                    continue;
                }
                path.addLast(e.getKey());
                JsonNode kept = value(v, p.type());
                path.removeLast();
                if (rewrite && !(p.omitEmpty() && empty(kept, p.type()))) {
                    known.put(e.getKey(), kept);
                }
            }
            if (!rewrite) {
                return node;
            }
            Map<String, JsonNode> ordered = new LinkedHashMap<>();
            for (String name : model.properties().keySet()) {
                JsonNode v = known.get(name);
                if (v != null) {
                    ordered.put(name, v);
                }
            }
            ordered.putAll(other); // a custom resource's own fields come after apiVersion, kind and metadata, sorted
            return replaceAll((ObjectNode) node, ordered);
        }

        /** A value of a type this class does not walk: Jackson reads it, and writes it back when rewriting. */
        private JsonNode jackson(JsonNode node, Type type) {
            Object value;
            try {
                value = reader.treeToValue(node, reader.constructType(type));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                String problem = ManifestParser.firstLine(message);
                throw new ShapeException(path, problem, false, what + ": " + joined(path) + ": " + problem);
            }
            UnknownFields.check(what, path, value);
            return rewrite ? writer.valueToTree(value) : node;
        }

        private JsonNode expect(JsonNode node, boolean ok, String expected) {
            if (!ok) {
                String problem = "must be " + expected + ", not " + describe(node, expected);
                throw new ShapeException(path, problem, false, what + ": " + joined(path) + " " + problem);
            }
            return node;
        }
    }

    /** {@code spec.template.spec.containers[0].imagePullPolicyy} */
    static String joined(Deque<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(segment);
            }
        }
        return sb.toString();
    }

    /**
     * A custom resource's own field, which Jackson reads as maps and lists into {@code additionalProperties}
     * and writes through its any-getter: maps sorted, null map values left out at every depth.
     */
    private static JsonNode extra(JsonNode node) {
        if (node.isArray()) {
            ArrayNode items = (ArrayNode) node;
            for (int i = 0; i < items.size(); i++) {
                items.set(i, extra(items.get(i)));
            }
        } else if (node.isObject()) {
            Map<String, JsonNode> entries = new TreeMap<>();
            node.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    entries.put(e.getKey(), extra(e.getValue()));
                }
            });
            return replaceAll((ObjectNode) node, entries);
        }
        return node;
    }

    private static ObjectNode replaceAll(ObjectNode node, Map<String, JsonNode> entries) {
        node.removeAll();
        node.setAll(entries);
        return node;
    }

    /** What {@code @JsonInclude(NON_EMPTY)} leaves out: an empty string, list or map (to Jackson no other object is empty). */
    private static boolean empty(JsonNode node, Type type) {
        Class<?> raw = raw(type);
        return raw == String.class ? node.textValue().isEmpty()
                : (raw == List.class || raw == Map.class) && node.isContainerNode() && node.isEmpty();
    }

    private static String describe(JsonNode node, String expected) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> !node.isIntegralNumber() ? "a decimal number" : expected.contains("integer") ? "an integer out of range" : "an integer";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "a map";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** The type argument, or Object when the type is raw (a raw List holds anything). */
    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[index];
            return arg instanceof WildcardType w ? w.getUpperBounds()[0] : arg;
        }
        return Object.class;
    }

    private static Model model(Class<?> type) {
        if (!type.getName().startsWith(MODEL_PACKAGE) || type.isInterface() || Modifier.isAbstract(type.getModifiers())
                || type.isEnum() || !plain(type)) {
            return JACKSON;
        }
        Map<String, Property> declared = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c != type && !plain(c)) {
                return JACKSON;
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                JsonProperty name = f.getAnnotation(JsonProperty.class);
                if (name == null) {
                    continue;
                }
                if (!onlyUnderstood(f.getAnnotations()) || f.isAnnotationPresent(JsonDeserialize.class)) {
                    return JACKSON;
                }
                JsonInclude include = f.getAnnotation(JsonInclude.class);
                JsonInclude.Include when = include == null ? JsonInclude.Include.NON_NULL : include.value();
                if ((when != JsonInclude.Include.NON_NULL && when != JsonInclude.Include.NON_EMPTY
                        && when != JsonInclude.Include.USE_DEFAULTS) || (include != null && !allContent(include))) {
                    return JACKSON;
                }
                String json = name.value().isEmpty() ? f.getName() : name.value();
                declared.putIfAbsent(json, new Property(f.getGenericType(), when == JsonInclude.Include.NON_EMPTY));
            }
        }
        if (declared.isEmpty()) {
            return JACKSON;
        }
        Map<String, Property> ordered = new LinkedHashMap<>();
        JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
        if (order != null) {
            for (String name : order.value()) {
                Property p = declared.get(name);
                if (p != null) {
                    ordered.put(name, p);
                }
            }
        }
        declared.forEach(ordered::putIfAbsent);
        return new Model(Collections.unmodifiableMap(ordered), type == GenericKubernetesResource.class);
    }

    private static boolean onlyUnderstood(Annotation[] annotations) {
        for (Annotation a : annotations) {
            Class<? extends Annotation> t = a.annotationType();
            if (t.getName().startsWith("com.fasterxml.jackson") && !UNDERSTOOD.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A class Jackson reads field by field: fabric8 marks those {@code @JsonDeserialize(using = None.class)}
     * and {@code @JsonInclude(NON_NULL)}; any other reader or inclusion is Jackson's to apply.
     */
    private static boolean plain(Class<?> type) {
        if (!onlyUnderstood(type.getAnnotations())) {
            return false;
        }
        JsonDeserialize d = type.getAnnotation(JsonDeserialize.class);
        if (d != null && (d.using() != JsonDeserializer.None.class || d.as() != Void.class || d.builder() != Void.class
                || d.contentUsing() != JsonDeserializer.None.class)) {
            return false;
        }
        JsonInclude include = type.getAnnotation(JsonInclude.class);
        return include == null || ((include.value() == JsonInclude.Include.NON_NULL || include.value() == JsonInclude.Include.USE_DEFAULTS)
                && allContent(include));
    }

    /** Whether the annotation leaves map and list contents alone (it does unless it names a content rule). */
    private static boolean allContent(JsonInclude include) {
        return include.content() == JsonInclude.Include.ALWAYS || include.content() == JsonInclude.Include.USE_DEFAULTS;
    }
}
