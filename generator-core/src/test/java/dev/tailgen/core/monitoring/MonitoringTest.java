package dev.tailgen.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.exposure.ExposureRulesTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringTest {
    static final String CONFIG = ExposureRulesTest.EXPOSED + """
            monitoring:
              serviceMonitor: true
              labels: {release: kube-prometheus-stack}
            """;

    @Test
    void proxiesGetMetricsThroughTheDefaultProxyClass(@TempDir Path dir) throws IOException {
        Map<String, JsonNode> objects = objects(render(dir, CONFIG), "manifests/tailscale-operator.yaml");
        JsonNode proxyClass = objects.get("ProxyClass/tailscale-default").path("spec");
        assertThat(proxyClass.path("metrics").toString())
                .isEqualTo("{\"enable\":true,\"serviceMonitor\":{\"enable\":true,\"labels\":{\"release\":\"kube-prometheus-stack\"}}}");
        JsonNode env = objects.get("Deployment/operator").path("spec").path("template").path("spec").path("containers").get(0).path("env");
        assertThat(env.toString()).contains("{\"name\":\"PROXY_DEFAULT_CLASS\",\"value\":\"tailscale-default\"}");
    }

    @Test
    void theOperatorGetsAPortAServiceAndAServiceMonitorThatPrometheusSelects(@TempDir Path dir) throws IOException {
        GenerationResult result = render(dir, CONFIG);
        JsonNode container = objects(result, "manifests/tailscale-operator.yaml").get("Deployment/operator")
                .path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(container.path("ports").toString()).isEqualTo("[{\"containerPort\":8080,\"name\":\"metrics\",\"protocol\":\"TCP\"}]");

        Map<String, JsonNode> monitoring = objects(result, "manifests/tailscale-monitoring.yaml");
        JsonNode service = monitoring.get("Service/operator-metrics");
        JsonNode monitor = monitoring.get("ServiceMonitor/operator-metrics");
        assertThat(service.path("spec").path("selector").toString()).isEqualTo("{\"app\":\"operator\"}");
        assertThat(service.path("spec").path("ports").toString())
                .isEqualTo("[{\"name\":\"metrics\",\"port\":8080,\"protocol\":\"TCP\",\"targetPort\":\"metrics\"}]");
        // the monitor's selector matches the Service; both carry the label Prometheus selects on
        monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(e ->
                assertThat(service.path("metadata").path("labels").path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack");
        assertThat(service.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack");
        assertThat(monitor.path("spec").path("endpoints").toString()).isEqualTo("[{\"path\":\"/metrics\",\"port\":\"metrics\"}]");
        assertThat(monitor.path("spec").path("namespaceSelector").toString()).isEqualTo("{\"matchNames\":[\"tailscale\"]}");
    }

    @Test
    void theReportListsWhatIsScraped(@TempDir Path dir) {
        String report = TestConfigs.text(render(dir, CONFIG), "REPORT.md");
        assertThat(report).contains("- operator `tailscale-operator`: pod port `metrics` 8080 `/metrics`, Service tailscale/operator-metrics,"
                + " ServiceMonitor tailscale/operator-metrics\n");
        assertThat(report).contains("- proxy `api.tail-xxxxx.ts.net` (Service default/internal-api): pod port `metrics` 9002 `/metrics`");
        assertThat(report).contains("- not scraped: egress proxy of Service backup/nas");
    }

    @Test
    void anOwnDefaultProxyClassIsAWarning(@TempDir Path dir) {
        GenerationResult result = render(dir, CONFIG + "proxies:\n  proxyClass: mine\n");
        assertThat(result.warnings()).containsExactly("monitoring.serviceMonitor: proxies use your ProxyClass mine by default;"
                + " set metrics.enable and metrics.serviceMonitor.enable in it, or they are not scraped");
    }

    @Test
    void offRendersNothing(@TempDir Path dir) {
        GenerationResult result = render(dir, ExposureRulesTest.EXPOSED);
        assertThat(result.files()).noneMatch(f -> f.path().contains("monitoring"));
        assertThat(TestConfigs.text(result, "manifests/tailscale-operator.yaml")).doesNotContain("containerPort");
        assertThat(TestConfigs.text(result, "REPORT.md")).contains("Off (`monitoring.serviceMonitor: false`): nothing is scraped.");
    }

    private static GenerationResult render(Path dir, String config) {
        return TestConfigs.generator(TestConfigs.write(dir, config)).render();
    }

    static Map<String, JsonNode> objects(GenerationResult result, String path) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode doc : TestConfigs.documents(result, path)) {
            byName.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
        }
        return byName;
    }
}
