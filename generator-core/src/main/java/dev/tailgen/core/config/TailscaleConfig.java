package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The typed form of {@code tailscale.yaml} exactly as the user wrote it (null = not given).
 * Sections rendered by later features are kept as validated JSON trees until they get their own types.
 */
public record TailscaleConfig(
        String apiVersion,
        String kind,
        Metadata metadata,
        Tailnet tailnet,
        Talos talos,
        Operator operator,
        Proxies proxies,
        IngressClass ingressClass,
        ApiServerProxy apiServerProxy,
        JsonNode services,
        JsonNode ingresses,
        JsonNode subnetRouters,
        JsonNode egress,
        JsonNode networkPolicy,
        JsonNode monitoring,
        JsonNode acl) {

    public record Metadata(String name) {
    }

    public record Tailnet(String domain, String loginServer) {
    }

    public record Talos(String version, String crds, String crdSource, List<String> include) {
    }

    public record Operator(
            String version,
            String namespace,
            String hostname,
            List<String> tags,
            String logging,
            Credentials credentials,
            Image image,
            Image proxyImage,
            String registry,
            Resources resources,
            Map<String, String> nodeSelector) {
    }

    /** Exactly one of the four is set (the schema and {@link SemanticChecks} both hold that). */
    public record Credentials(OAuth oauth, ExistingSecret existingSecret, JsonNode volume, WorkloadIdentity workloadIdentity) {
    }

    public record OAuth(String clientId, String clientSecret) {
    }

    public record ExistingSecret(String name) {
    }

    public record WorkloadIdentity(String clientId, String audience) {
    }

    public record Image(String repository, String tag, String digest) {
    }

    public record Resources(Map<String, JsonNode> requests, Map<String, JsonNode> limits) {
    }

    public record Proxies(List<String> tags, String firewallMode, TalosTun talosTun, String proxyClass) {
    }

    public record TalosTun(String resource) {
    }

    public record IngressClass(Boolean enabled, String name) {
    }

    public record ApiServerProxy(String mode) {
    }
}
