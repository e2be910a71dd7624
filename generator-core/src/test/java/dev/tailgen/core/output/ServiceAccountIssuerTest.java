package dev.tailgen.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.TestConfigs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** talos.serviceAccountIssuer: the API server's issuer for workload identity, in the shape each Talos version reads. */
class ServiceAccountIssuerTest {
    /** Left for .ci/run's manifest validator (Talos 1.13): the legacy shape, which no bundled example renders. */
    static final Path OUTPUT_1_13 = Path.of("target", "apiserver-patch-1.13");
    private static final String OAUTH = "    oauth:\n      clientId: ${env:TS_CLIENT_ID}\n      clientSecret: ${env:TS_CLIENT_SECRET}\n";
    private static final String WIF = "    workloadIdentity: {clientId: k8s-operator-client, audience: api.tailscale.com/k8s-operator-client}\n";
    private static final String HEADER = """
            # Control-plane patch, generated from tailscale.yaml by tailscale-maven-plugin. Do not edit.
            # The API server issues service-account tokens from the public issuer Tailscale verifies (workload identity);
            # serve the discovery document and the JWKS there. Tokens issued before stop validating: restart their pods.
            """;

    private static String config(String talos, String talosExtra, boolean workloadIdentity) {
        return TestConfigs.MINIMAL.replace("  version: \"1.13\"\n", "  version: \"" + talos + "\"\n" + talosExtra)
                .replace(OAUTH, workloadIdentity ? WIF : OAUTH);
    }

    @Test
    void talos113SetsTheFlagsUnderClusterApiServer(@TempDir Path dir) {
        Generator generator = TestConfigs.generator(TestConfigs.write(dir, config("1.13", "  serviceAccountIssuer: https://oidc.example.com/home\n", true)));
        GenerationResult result = generator.render();
        generator.write(result, OUTPUT_1_13);

        assertThat(TestConfigs.text(result, "talos/tailscale-apiserver.patch.yaml")).isEqualTo(HEADER + """
                cluster:
                  apiServer:
                    extraArgs:
                      service-account-issuer: https://oidc.example.com/home
                      service-account-jwks-uri: https://oidc.example.com/home/openid/v1/jwks
                """);
        assertThat(result.notes()).contains("talos.serviceAccountIssuer: apply talos/tailscale-apiserver.patch.yaml to the control planes,"
                + " and serve https://oidc.example.com/home's discovery document and JWKS (kubectl get --raw /.well-known/openid-configuration,"
                + " /openid/v1/jwks) where Tailscale reaches them");
    }

    @Test
    void talos114WritesAKubeApiServerConfigDocumentWithTheImage(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir,
                config("1.14", "  serviceAccountIssuer: https://oidc.example.com/\n  kubernetesVersion: v1.35.0\n", true))).render();

        assertThat(TestConfigs.text(result, "talos/tailscale-apiserver.patch.yaml")).isEqualTo(HEADER + """
                apiVersion: v1alpha1
                kind: KubeAPIServerConfig
                image: registry.k8s.io/kube-apiserver:v1.35.0
                extraArgs:
                  service-account-issuer: https://oidc.example.com/
                  service-account-jwks-uri: https://oidc.example.com/openid/v1/jwks
                """);
    }

    @Test
    void withoutWorkloadIdentityTheIssuerIsRefused(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, config("1.13", "  serviceAccountIssuer: https://oidc.example.com\n", false),
                "tailscale.yaml:9:25: talos.serviceAccountIssuer: only used with operator.credentials.workloadIdentity (Tailscale verifies"
                        + " the operator's service-account token against this issuer); set workloadIdentity or remove serviceAccountIssuer");
    }

    @Test
    void talos114NeedsTheKubernetesVersion(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, config("1.14", "  serviceAccountIssuer: https://oidc.example.com\n", true),
                "tailscale.yaml:9:25: talos.serviceAccountIssuer: Talos 1.14 sets API server flags in a KubeAPIServerConfig document,"
                        + " which names the API server image: set talos.kubernetesVersion to the cluster's Kubernetes version (e.g. v1.35.0)");
    }
}
