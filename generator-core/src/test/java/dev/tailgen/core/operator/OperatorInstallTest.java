package dev.tailgen.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.SharedData;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.release.ReleaseCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install variants the chart renders do not cover: existing Secret, mirrors, digests, a release manifest as CRD source. */
class OperatorInstallTest {

    @Test
    void existingSecretMountsTheNamedSecretAndRendersNone(@TempDir Path dir) {
        String config = TestConfigs.MINIMAL.replace("""
                    oauth:
                      clientId: ${env:TS_CLIENT_ID}
                      clientSecret: ${env:TS_CLIENT_SECRET}
                """, "    existingSecret: {name: my-oauth}\n");
        GenerationResult r = TestConfigs.generator(TestConfigs.write(dir, config)).render();
        assertThat(TestConfigs.text(r, "manifests/tailscale-operator.yaml"))
                .contains("secretName: \"my-oauth\"")
                .contains("value: \"/oauth/client_secret\"")
                .doesNotContain("kind: \"Secret\"");
        assertThat(r.files()).extracting(OutputFile::secret).containsOnly(false);
        assertThat(r.objectsByKind()).doesNotContainKey("Secret");
    }

    /** No value reaches the build: validate needs none, no file is secret, the ExternalSecret names only where values are. */
    @Test
    void externalSecretRendersTheExternalSecretOutsideTalosAndNoValue(@TempDir Path dir) {
        String config = TestConfigs.MINIMAL.replace("""
                    oauth:
                      clientId: ${env:TS_CLIENT_ID}
                      clientSecret: ${env:TS_CLIENT_SECRET}
                """, """
                    externalSecret:
                      store: {kind: SecretStore, name: vault}
                      clientId: {key: infra/tailscale, property: id, version: "3"}
                      clientSecret: {key: infra/tailscale, property: secret}
                      refreshInterval: 15m
                      secretName: ts-oauth
                """);
        GenerationResult r = new dev.tailgen.core.Generator(new dev.tailgen.core.GeneratorSettings(TestConfigs.write(dir, config),
                "tailscale.yaml", TestConfigs.SECRETS, false, TestConfigs.MAVEN)).render();
        assertThat(TestConfigs.text(r, "manifests/tailscale-operator-credentials.yaml")).endsWith("""
                spec:
                  data:
                    - remoteRef:
                        key: "infra/tailscale"
                        property: "id"
                        version: "3"
                      secretKey: "client_id"
                    - remoteRef:
                        key: "infra/tailscale"
                        property: "secret"
                      secretKey: "client_secret"
                  refreshInterval: "15m"
                  secretStoreRef:
                    kind: "SecretStore"
                    name: "vault"
                  target:
                    creationPolicy: "Owner"
                    name: "ts-oauth"
                """);
        assertThat(TestConfigs.text(r, "manifests/tailscale-operator.yaml")).contains("secretName: \"ts-oauth\"").doesNotContain("ExternalSecret");
        assertThat(TestConfigs.text(r, "talos/tailscale-operator.patch.yaml")).doesNotContain("ExternalSecret");
        assertThat(r.files()).extracting(OutputFile::secret).containsOnly(false);
        assertThat(r.objectsByKind()).doesNotContainKey("Secret").containsEntry("ExternalSecret", 1);
        assertThat(r.notes()).contains("operator.credentials.externalSecret: manifests/tailscale-operator-credentials.yaml holds the"
                + " ExternalSecret; Talos does not carry it (External Secrets' CRDs are not there at bootstrap), so apply it with the"
                + " manifests (GitOps); the operator starts once Secret tailscale/ts-oauth exists");
        for (OutputFile f : r.files()) {
            assertThat(f.content()).as(f.path()).doesNotContain("cid-123").doesNotContain("csecret-456");
        }
    }

    @Test
    void registryMirrorsEveryImageAndADigestWinsOverTheTag(@TempDir Path dir) {
        String config = TestConfigs.MINIMAL.replace("  hostname: tailscale-operator\n", """
                  hostname: tailscale-operator
                  registry: registry.internal.example.com:5000/mirror
                  image: {repository: ghcr.io/tailscale/k8s-operator, digest: "sha256:%s"}
                """.formatted("a".repeat(64)));
        String install = TestConfigs.text(TestConfigs.generator(TestConfigs.write(dir, config)).render(), "manifests/tailscale-operator.yaml");
        assertThat(install)
                .contains("image: \"registry.internal.example.com:5000/mirror/tailscale/k8s-operator@sha256:" + "a".repeat(64) + "\"")
                .contains("value: \"registry.internal.example.com:5000/mirror/tailscale/tailscale:"
                        + ReleaseCatalog.bundled().defaultRelease().versionText() + "\"");
    }

    @Test
    void noauthApiServerProxyNeedsNoImpersonationRbac(@TempDir Path dir) {
        String config = TestConfigs.MINIMAL + "apiServerProxy:\n  mode: \"noauth\"\n";
        GenerationResult r = TestConfigs.generator(TestConfigs.write(dir, config)).render();
        assertThat(TestConfigs.text(r, "manifests/tailscale-operator.yaml"))
                .contains("value: \"noauth\"")
                .doesNotContain("tailscale-auth-proxy");
    }

    @Test
    void inlineCrdsFromADownloadedReleaseManifest(@TempDir Path dir) {
        Path release = SharedData.upstream().resolve("tailscale-operator/manifests/operator.yaml");
        String config = TestConfigs.MINIMAL.replace("  version: \"1.13\"\n",
                "  version: \"1.14\"\n  crds: inline\n  crdSource: " + release + "\n");
        GenerationResult r = TestConfigs.generator(TestConfigs.write(dir, config)).render();
        assertThat(r.objectsByKind()).containsEntry("CustomResourceDefinition", 8);
        assertThat(r.crdUrls()).isEmpty();
        assertThat(TestConfigs.text(r, "talos/tailscale-operator.patch.yaml"))
                .contains("name: tailscale-operator-crds\nmanifest: |\n")
                .doesNotContain("KubeExternalManifestConfig");
        assertThat(TestConfigs.text(r, "manifests/tailscale-operator-crds.yaml")).contains("name: \"proxyclasses.tailscale.com\"");
    }
}
