package dev.tailgen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgen.core.SharedData;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RequiredFields} against the strict Kubernetes schema: the same required lists for every type it reaches. */
class RequiredFieldsTest {
    @Test
    void theTableIsTheSchemasRequiredLists() throws IOException {
        JsonNode deployment = new ObjectMapper().readTree(SharedData.upstream()
                .resolve("schemas/kubernetes/v1.32.2-standalone-strict/deployment-apps-v1.json").toFile());
        JsonNode pod = deployment.at("/properties/spec/properties/template/properties/spec");
        JsonNode container = pod.at("/properties/containers/items");
        Map<Class<?>, List<String>> fromSchema = new LinkedHashMap<>();
        walk(pod.at("/properties/affinity"), Affinity.class, fromSchema);
        walk(pod.at("/properties/tolerations/items"), elementOf(PodSpec.class, "tolerations"), fromSchema);
        walk(pod.at("/properties/securityContext"), PodSecurityContext.class, fromSchema);
        walk(container.at("/properties/securityContext"), SecurityContext.class, fromSchema);
        walk(container.at("/properties/env/items"), elementOf(Container.class, "env"), fromSchema);
        assertThat(fromSchema).isEqualTo(RequiredFields.BY_TYPE);
    }

    private static void walk(JsonNode schema, Class<?> type, Map<Class<?>, List<String>> out) {
        if (schema.has("required")) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            out.put(type, required);
        }
        schema.path("properties").properties().forEach(p -> {
            Type fieldType = fieldType(type, p.getKey());
            JsonNode child = p.getValue();
            if (fieldType instanceof ParameterizedType list && list.getRawType() == List.class) {
                fieldType = list.getActualTypeArguments()[0];
                child = child.path("items");
            }
            if (fieldType instanceof Class<?> c && c.getName().startsWith("io.fabric8.kubernetes.api.model")) {
                walk(child, c, out);
            }
        });
    }

    private static Class<?> elementOf(Class<?> model, String field) {
        return (Class<?>) ((ParameterizedType) KubernetesValues.fieldType(model, field)).getActualTypeArguments()[0];
    }

    private static Type fieldType(Class<?> type, String jsonName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                JsonProperty name = f.getAnnotation(JsonProperty.class);
                if (name != null && name.value().equals(jsonName)) {
                    return f.getGenericType();
                }
            }
        }
        throw new AssertionError(type.getSimpleName() + " has no field " + jsonName);
    }
}
