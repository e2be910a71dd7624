package dev.tailgen.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.talos.InlineManifest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** talos.role: what Talos carries, what manifests/kustomization.yaml lists, and the two-owners warning, verbatim. */
class DeliveryTest {
    private static final String SERVICE = """
            services:
              - {name: web, namespace: apps, hostname: web, selector: {app: web}, ports: [{port: 80}]}
            networkPolicy:
              provider: kubernetes
            """;

    private static GenerationResult render(Path dir, String talosExtra, String rest) {
        String config = TestConfigs.MINIMAL.replace("  version: \"1.13\"\n", "  version: \"1.13\"\n" + talosExtra) + SERVICE + rest;
        return TestConfigs.generator(TestConfigs.write(dir, config)).render();
    }

    @Test
    void ownerRoleListsOnlyWhatTalosDoesNotCarry(@TempDir Path dir) {
        GenerationResult result = render(dir, "  include: [services]\n", "");
        assertThat(result.talosContent().inline()).extracting(InlineManifest::name)
                .containsExactly("tailscale-operator", "tailscale-namespaces", "tailscale-services");
        assertThat(TestConfigs.text(result, OutputLayout.KUSTOMIZATION)).endsWith("""
                kind: Kustomization
                resources:
                  - tailscale-network-policies.yaml
                """);
        assertThat(result.warnings()).isEmpty();
        assertThat(TestConfigs.text(result, OutputLayout.REPORT)).contains("""
                | `manifests/tailscale-operator.yaml` | 11 | Talos (`upgrade-k8s` pushes changes) |
                """, """
                | `manifests/tailscale-network-policies.yaml` | 4 | GitOps |
                """);
    }

    @Test
    void everythingInTalosLeavesAnEmptyKustomization(@TempDir Path dir) {
        GenerationResult result = render(dir, "  include: [services, networkPolicies]\n", "");
        assertThat(TestConfigs.text(result, OutputLayout.KUSTOMIZATION)).endsWith("kind: Kustomization\nresources: []\n");
    }

    @Test
    void bootstrapRoleCarriesOnlyTheOperatorAndListsEverything(@TempDir Path dir) {
        GenerationResult result = render(dir, "  role: bootstrap\n", "");
        assertThat(result.talosContent().inline()).extracting(InlineManifest::name).containsExactly("tailscale-operator");
        assertThat(result.talosContent().secret()).isNotNull();
        String kustomization = TestConfigs.text(result, OutputLayout.KUSTOMIZATION);
        assertThat(kustomization).contains("  - https://raw.githubusercontent.com/tailscale/tailscale/").endsWith("""
                  - tailscale-operator.yaml
                  - tailscale-namespaces.yaml
                  - tailscale-services.yaml
                  - tailscale-network-policies.yaml
                """);
        assertThat(kustomization).contains("# The OAuth Secret is not listed (its file stays out of Git): Talos applies it at bootstrap"
                + " (talos/tailscale-operator-oauth.patch.yaml); for GitOps to own it, set gitops.includeSecret or use"
                + " credentials.externalSecret.\n");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.notes()).contains("talos.role: bootstrap: Talos applies only the operator (Namespace, CRDs, install, Secret);"
                + " manifests/kustomization.yaml lists everything for GitOps to own (REPORT.md, Owners, says how to hand over)");
        assertThat(TestConfigs.text(result, OutputLayout.REPORT)).contains("""
                | `manifests/tailscale-operator.yaml` | 11 | Talos at bootstrap, then GitOps |
                """, """
                | `talos/tailscale-operator-oauth.patch.yaml` | 1 | Talos at bootstrap, then you (not in the kustomization) |
                """);
    }

    @Test
    void bootstrapRoleWithIncludedSectionsWarnsOfTwoOwners(@TempDir Path dir) {
        GenerationResult result = render(dir, "  role: bootstrap\n  include: [services]\n", "");
        assertThat(result.warnings()).containsExactly("tailscale.yaml:10:12: talos.include: with talos.role: bootstrap, Talos and"
                + " manifests/kustomization.yaml would both apply tailscale-namespaces, tailscale-services; Talos creates objects and"
                + " never updates them at boot, so two owners drift: drop talos.include (GitOps applies them), or set talos.role: owner"
                + " (Talos keeps them, the kustomization leaves them out)");
        assertThat(TestConfigs.text(result, OutputLayout.REPORT)).contains("""
                | `manifests/tailscale-services.yaml` | 1 | **two owners**: Talos and GitOps (see the warning) |
                """);
    }

    @Test
    void ownerRoleWithTheSecretInTheKustomizationWarnsOfTwoOwners(@TempDir Path dir) {
        GenerationResult result = render(dir, "", "gitops:\n  includeSecret: true\n");
        assertThat(result.warnings()).containsExactly("tailscale.yaml:20:18: gitops.includeSecret: with talos.role: owner, Talos"
                + " (talos/tailscale-operator-oauth.patch.yaml) and manifests/kustomization.yaml would both apply the OAuth Secret;"
                + " Talos creates it and never updates it at boot, so two owners drift: drop gitops.includeSecret, or set"
                + " talos.role: bootstrap (GitOps owns it after bootstrap)");
        assertThat(TestConfigs.text(result, OutputLayout.REPORT)).contains("""
                | `talos/tailscale-operator-oauth.patch.yaml` | 1 | **two owners**: Talos and GitOps (see the warning) |
                """);
    }

    @Test
    void bootstrapRoleWithTheSecretInTheKustomizationHandsItOver(@TempDir Path dir) {
        GenerationResult result = render(dir, "  role: bootstrap\n", "gitops:\n  includeSecret: true\n");
        assertThat(result.warnings()).isEmpty();
        assertThat(TestConfigs.text(result, OutputLayout.KUSTOMIZATION)).endsWith("  - tailscale-operator-oauth.yaml\n");
        assertThat(TestConfigs.text(result, OutputLayout.REPORT)).contains("""
                | `talos/tailscale-operator-oauth.patch.yaml` | 1 | Talos at bootstrap, then GitOps |
                """);
    }
}
