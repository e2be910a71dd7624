package dev.tailgen.core.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Type;

/**
 * Config values that are Kubernetes types (an operator Affinity, its tolerations), checked against
 * the same fabric8 model as rendered objects, so a typo fails at the config line, not in the output.
 */
public final class KubernetesValues {
    private static final ModelShapes SHAPES = new ModelShapes(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

    private KubernetesValues() {
    }

    /**
     * @param type a fabric8 model class, or the generic type of one of its fields ({@code List<Toleration>})
     * @throws ShapeException where inside {@code value} it does not fit
     */
    public static void check(String what, JsonNode value, Type type) {
        SHAPES.checkValue(what, value, type);
    }

    /** The declared type of a model field, e.g. {@code PodSpec.tolerations}: {@code List<Toleration>}. */
    public static Type fieldType(Class<?> model, String field) {
        try {
            return model.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(model.getSimpleName() + " has no field " + field, e);
        }
    }
}
