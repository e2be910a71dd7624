package dev.tailgen.core.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.output.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** services[].adopt and ingresses[].adopt: a patch instead of the object, and everything else as for a rendered one. */
class AdoptTest {
    private static final String ADOPTED = ExposureRulesTest.EXPOSED
            .replace("    hostname: api\n", "    hostname: api\n    adopt: true\n    proxyClass: tun\n")
            .replace("    hostname: dashboard\n", "    hostname: dashboard\n    adopt: true\n    funnel: true\n");

    @Test
    void rendersAPatchWithExactlyWhatTheOperatorReads(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, ADOPTED)).render();

        assertThat(TestConfigs.text(result, "patches/service.default.internal-api.yaml")).isEqualTo("""
                # Patch for Service default/internal-api (adopted), generated from tailscale.yaml by tailscale-maven-plugin. Do not edit.
                apiVersion: "v1"
                kind: "Service"
                metadata:
                  annotations:
                    tailscale.com/expose: "true"
                    tailscale.com/hostname: "api"
                    tailscale.com/tags: "tag:k8s,tag:prod"
                  labels:
                    tailscale.com/proxy-class: "tun"
                  name: "internal-api"
                  namespace: "default"
                """);
        assertThat(TestConfigs.text(result, "patches/ingress.default.internal-web.yaml")).isEqualTo("""
                # Patch for Ingress default/internal-web (adopted), generated from tailscale.yaml by tailscale-maven-plugin. Do not edit.
                apiVersion: "networking.k8s.io/v1"
                kind: "Ingress"
                metadata:
                  annotations:
                    tailscale.com/funnel: "true"
                  name: "internal-web"
                  namespace: "default"
                spec:
                  ingressClassName: "tailscale"
                  tls:
                    - hosts:
                        - "dashboard"
                """);
        assertThat(TestConfigs.text(result, "patches/kustomization.yaml")).endsWith("""
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                patches:
                  - path: service.default.internal-api.yaml
                  - path: ingress.default.internal-web.yaml
                """);
    }

    @Test
    void theAdoptedObjectsAreNotRenderedButReportedCountedAndInThePolicy(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("plain"));
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, ADOPTED)).render();

        assertThat(TestConfigs.text(result, "manifests/tailscale-services.yaml")).doesNotContain("name: \"internal-api\"")
                .contains("name: \"web\"");
        assertThat(result.files().stream().map(OutputFile::path)).doesNotContain("manifests/tailscale-ingresses.yaml");
        assertThat(result.tailnetDevices()).isEqualTo(TestConfigs.generator(TestConfigs.write(dir.resolve("plain"), ExposureRulesTest.EXPOSED))
                .render().tailnetDevices());
        assertThat(TestConfigs.text(result, "REPORT.md"))
                .contains("| `api.tail-xxxxx.ts.net` | http://api.tail-xxxxx.ts.net:8080 | Service default/internal-api (adopted) |")
                .contains("\n- Service default/internal-api (adopted): `patches/service.default.internal-api.yaml`\n"
                        + "- Ingress default/internal-web (adopted): `patches/ingress.default.internal-web.yaml`\n");
        assertThat(TestConfigs.text(result, "policy/tailnet-policy.hujson")).contains("\"tag:prod\"");
    }

    @Test
    void anObjectIsEitherAdoptedOrRendered(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, ADOPTED.replace("name: web\n", "name: internal-api\n"),
                "tailscale.yaml:25:11: services[1].name: Service default/internal-api is already adopted by services[0] at line 16;"
                        + " names must be unique per namespace");
    }
}
