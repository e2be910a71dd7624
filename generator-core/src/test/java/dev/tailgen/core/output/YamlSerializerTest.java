package dev.tailgen.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.render.Manifest;
import dev.tailgen.core.render.ManifestParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fabric8 7.x on Jackson 2: IntOrString, Quantity and string-typed values survive write -> read -> write. */
class YamlSerializerTest {
    private final YamlSerializer serializer = new YamlSerializer();
    private final ManifestParser parser = new ManifestParser();

    @Test
    void intOrStringQuantityAndStringValuesRoundTrip() {
        String input = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: default
                  labels: {version: "1.0", enabled: "on", time: "12:30", count: "1"}
                spec:
                  ports:
                    - {name: http, port: 80, targetPort: http}
                    - {name: https, port: 443, targetPort: 8443}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                  namespace: default
                spec:
                  selector: {matchLabels: {app: d}}
                  template:
                    metadata: {labels: {app: d}}
                    spec:
                      containers:
                        - name: c
                          image: busybox:1.36
                          resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {cpu: "1"}}
                """;
        List<Manifest> parsed = parser.parse("test", input);
        String written = YamlSerializer.join(parsed.stream().map(m -> serializer.write(m.tree())).toList());
        assertThat(written)
                .contains("targetPort: \"http\"\n")
                .contains("targetPort: 8443\n")
                .contains("cpu: \"50m\"\n")
                .contains("memory: \"64Mi\"\n")
                .contains("enabled: \"on\"\n")
                .contains("time: \"12:30\"\n")
                .contains("version: \"1.0\"\n")
                .doesNotContain("strVal")
                .doesNotContain("amount")
                .doesNotContain("\r");
        String again = YamlSerializer.join(parser.parse("again", written).stream().map(m -> serializer.write(m.tree())).toList());
        assertThat(again).isEqualTo(written);
    }
}
