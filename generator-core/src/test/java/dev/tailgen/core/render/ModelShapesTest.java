package dev.tailgen.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tailgen.core.SharedData;
import dev.tailgen.core.output.YamlSerializer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The written form must be byte for byte what Jackson writes of the object bound to its fabric8
 * class (that is what the generator wrote before it stopped binding), and the checks must be at
 * least as strict as binding.
 */
class ModelShapesTest {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** How the generator wrote bound objects before: maps sorted, null fields left out. */
    private static final ObjectMapper BOUND = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private final ModelShapes shapes = new ModelShapes(YAML);
    private final YamlSerializer serializer = new YamlSerializer();

    /** Keys out of fabric8's order, unsorted maps, nulls, empty lists fabric8 leaves out, numbers as quantities. */
    private static final String DEPLOYMENT = """
            spec:
              template:
                spec:
                  containers:
                    - resources: {limits: {memory: 128Mi, cpu: 1}, requests: {cpu: 50m}}
                      ports: [{protocol: TCP, containerPort: 8080, name: http}]
                      image: "i:1"
                      name: c
                      args: []
                      env: [{value: "x", name: B}, {name: A, value: ""}]
                      command: null
                  serviceAccountName: operator
                metadata: {labels: {z: "1", a: "2"}, annotations: {}}
              selector: {matchLabels: {b: b, a: a}}
              replicas: 1
              strategy: {type: Recreate}
            metadata: {namespace: ns, name: d, labels: {}}
            kind: Deployment
            apiVersion: apps/v1
            """;

    private static final String SERVICE = """
            kind: Service
            apiVersion: v1
            metadata: {name: s, namespace: ns}
            spec:
              type: ClusterIP
              selector: {y: "2", x: "1"}
              ports: [{targetPort: http, port: 80, name: a}, {targetPort: 8443, port: 443, name: b, protocol: TCP}]
            """;

    private static final String NETWORK_POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: n, namespace: ns}
            spec:
              policyTypes: [Ingress, Egress]
              podSelector: {}
              egress:
                - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
                  ports: [{protocol: UDP}, {port: 443, protocol: TCP}]
              ingress:
                - from: [{podSelector: {matchLabels: {app: a}}, namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: t}}}]
            """;

    private static final String CUSTOM_RESOURCE = """
            spec:
              tags: ["tag:k8s"]
              subnetRouter: {advertiseRoutes: [10.0.0.0/24]}
              hostname: r
              appConnector: null
            metadata: {name: c, labels: {b: "1", a: "2"}}
            kind: Connector
            apiVersion: tailscale.com/v1alpha1
            """;

    @Test
    void writtenFormIsWhatJacksonWritesOfTheBoundObject() throws Exception {
        assertSameAsBound(DEPLOYMENT, Deployment.class);
        assertSameAsBound(SERVICE, Service.class);
        assertSameAsBound(NETWORK_POLICY, NetworkPolicy.class);
        assertSameAsBound(CUSTOM_RESOURCE, GenericKubernetesResource.class);
        // a custom resource's own fields lose null map values at every depth, not null list items
        assertSameAsBound(CUSTOM_RESOURCE.replace("  hostname: r\n", "  hostname: r\n  list: [null, {y: 1, x: null}, [{b: null, a: 2}]]\n"),
                GenericKubernetesResource.class);
        // a typed map keeps a null value (upstream's chart renders an empty secret so)
        assertSameAsBound(SERVICE.replace("selector: {y: \"2\", x: \"1\"}", "selector: {y: null, x: \"1\"}"), Service.class);
    }

    @Test
    void writtenFormIsFabric8sOrderWithSortedMapsAndNoEmptyLists() throws Exception {
        assertThat(written(DEPLOYMENT, Deployment.class)).startsWith("""
                apiVersion: "apps/v1"
                kind: "Deployment"
                metadata:
                  name: "d"
                  namespace: "ns"
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      a: "a"
                      b: "b"
                """).contains("""
                      containers:
                        - env:
                            - name: "B"
                              value: "x"
                            - name: "A"
                              value: ""
                          image: "i:1"
                          name: "c"
                          ports:
                            - containerPort: 8080
                              name: "http"
                              protocol: "TCP"
                          resources:
                            limits:
                              cpu: "1"
                              memory: "128Mi"
                """).doesNotContain("args").doesNotContain("command").doesNotContain("annotations");
        assertThat(written(CUSTOM_RESOURCE, GenericKubernetesResource.class)).isEqualTo("""
                apiVersion: "tailscale.com/v1alpha1"
                kind: "Connector"
                metadata:
                  labels:
                    a: "2"
                    b: "1"
                  name: "c"
                spec:
                  hostname: "r"
                  subnetRouter:
                    advertiseRoutes:
                      - "10.0.0.0/24"
                  tags:
                    - "tag:k8s"
                """);
    }

    @Test
    void valuesOfTheWrongTypeFailWithThePathAndWhatWasExpected() {
        assertFails(DEPLOYMENT.replace("replicas: 1", "replicas: \"1\""), Deployment.class,
                "spec.replicas must be an integer, not a string");
        assertFails(DEPLOYMENT.replace("replicas: 1", "replicas: 1.5"), Deployment.class,
                "spec.replicas must be an integer, not a decimal number");
        assertFails(DEPLOYMENT.replace("containerPort: 8080", "containerPort: 80808080808"), Deployment.class,
                "spec.template.spec.containers[0].ports[0].containerPort must be an integer, not an integer out of range");
        assertFails(DEPLOYMENT.replace("{labels: {z: \"1\"", "{labels: {z: 1"), Deployment.class,
                "spec.template.metadata.labels.z must be a string, not an integer");
        assertFails(DEPLOYMENT.replace("ports: [{protocol", "ports: {p: {protocol").replace("name: http}]", "name: http}}"),
                Deployment.class, "spec.template.spec.containers[0].ports must be a list, not a map");
        assertFails(SERVICE.replace("targetPort: http", "targetPort: [http]"), Service.class,
                "spec.ports[0].targetPort must be an integer or a string, not a list");
        assertFails(SERVICE.replace("type: ClusterIP", "type: true"), Service.class,
                "spec.type must be a string, not true or false");
        assertFails(DEPLOYMENT.replace("cpu: 50m", "cpu: [50m]"), Deployment.class,
                "spec.template.spec.containers[0].resources.requests.cpu: Invalid quantity string format passed.");
        assertFails(CUSTOM_RESOURCE.replace("name: c,", "name: c, nmae: d,"), GenericKubernetesResource.class,
                "unknown field metadata.nmae");
    }

    @Test
    void checkingOnlyLeavesTheTreeAsItWasRead() throws Exception {
        ObjectNode doc = (ObjectNode) YAML.readTree(SERVICE);
        String before = doc.toString();
        shapes.check("x", doc, Service.class, false);
        assertThat(doc.toString()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldInAValueJacksonReadsFails() {
        String crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: as.example.com}
                spec:
                  group: example.com
                  names: {kind: A, plural: as}
                  scope: Cluster
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            list: {type: array, items: {type: string, fromat: uuid}}
                """;
        assertFails(crd, CustomResourceDefinition.class,
                "spec.versions[0].schema.openAPIV3Schema.properties.list.items: Unrecognized field \"fromat\""
                        + " (class io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps), not marked as ignorable");
    }

    /**
     * Every object of a kind we check in upstream's release manifest and chart renders (CRDs with their
     * full OpenAPI schemas, the operator Deployment, RBAC, Services): the written form is what Jackson
     * writes of the bound object, and checking alone changes nothing.
     */
    @Test
    void upstreamObjectsWriteAsJacksonWritesThemBound() throws Exception {
        Path upstream = SharedData.upstream().resolve("tailscale-operator");
        List<Path> files = new ArrayList<>(List.of(upstream.resolve("manifests/operator.yaml")));
        try (Stream<Path> rendered = Files.list(upstream.resolve("rendered"))) {
            rendered.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        Map<String, Integer> checked = new TreeMap<>();
        for (Path file : files) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (docs.hasNextValue()) {
                    JsonNode doc = docs.nextValue();
                    Class<?> type = doc == null ? null : BuiltInKinds.type(doc.path("apiVersion").asText(), doc.path("kind").asText());
                    if (type == null) {
                        continue;
                    }
                    String text = YAML.writeValueAsString(doc);
                    ObjectNode unchanged = (ObjectNode) YAML.readTree(text);
                    shapes.check(file.getFileName() + ": " + doc.path("kind").asText(), unchanged, type, false);
                    assertThat(unchanged).isEqualTo(YAML.readTree(text));
                    assertSameAsBound(text, type);
                    checked.merge(doc.path("kind").asText(), 1, Integer::sum);
                }
            }
        }
        assertThat(checked).containsKeys("CustomResourceDefinition", "Deployment", "ClusterRole", "RoleBinding", "Secret", "ServiceAccount");
    }

    private void assertSameAsBound(String yaml, Class<?> type) throws Exception {
        Object bound = YAML.treeToValue(YAML.readTree(yaml), type);
        assertThat(written(yaml, type)).isEqualTo(serializer.write(BOUND.valueToTree(bound)));
    }

    private String written(String yaml, Class<?> type) throws Exception {
        ObjectNode doc = (ObjectNode) YAML.readTree(yaml);
        shapes.check("x", doc, type, true);
        return serializer.write(doc);
    }

    private void assertFails(String yaml, Class<?> type, String message) {
        assertThatThrownBy(() -> {
            JsonNode doc = YAML.readTree(yaml);
            shapes.check("t: Kind n", (ObjectNode) doc, type, true);
        }).isInstanceOf(ManifestException.class).hasMessage("t: Kind n: " + message);
    }
}
