package dev.tailgen.core.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.config.LoadedConfig;
import dev.tailgen.core.config.PlaceholderResolver;
import dev.tailgen.core.config.PlaceholderResolver.Role;
import dev.tailgen.core.config.SecretValue;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.config.TailscaleConfig.Credentials;
import dev.tailgen.core.config.TailscaleConfig.Image;
import dev.tailgen.core.config.TailscaleConfig.Operator;
import dev.tailgen.core.config.TailscaleConfig.Resources;
import dev.tailgen.core.exposure.ProxyClassDefaults;
import dev.tailgen.core.release.OperatorRelease;
import dev.tailgen.core.release.ReleaseCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Resolves defaults and credentials: the one place that knows the chart's default values. */
public final class OperatorInstallResolver {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PlaceholderResolver placeholders;

    public OperatorInstallResolver(PlaceholderResolver placeholders) {
        this.placeholders = placeholders;
    }

    public OperatorInstall resolve(LoadedConfig loaded) {
        TailscaleConfig c = loaded.config();
        ConfigDocument doc = loaded.document();
        Operator op = c.operator();
        OperatorRelease release = ReleaseCatalog.bundled().resolve(op.version());
        String version = release.versionText();
        Image image = op.image() == null ? new Image(null, null, null) : op.image();
        Image proxy = op.proxyImage() == null ? new Image(null, null, null) : op.proxyImage();
        var proxies = c.proxies() == null ? new TailscaleConfig.Proxies(null, null, null, null, null, null) : c.proxies();
        var ingressClass = c.ingressClass() == null ? new TailscaleConfig.IngressClass(null, null) : c.ingressClass();

        Credentials creds = op.credentials();
        CredentialsMode mode;
        Map<String, Object> volume = Map.of();
        OperatorInstall.OAuthSecret secret = null;
        String wifClientId = "";
        String wifAudience = "";
        if (creds.oauth() != null) {
            mode = CredentialsMode.OAUTH;
            volume = secretVolume(OperatorInstall.OAUTH_SECRET_NAME);
            SecretValue id = placeholders.resolve(doc, "/operator/credentials/oauth/clientId", creds.oauth().clientId(), Role.CLIENT_ID);
            SecretValue pw = placeholders.resolve(doc, "/operator/credentials/oauth/clientSecret", creds.oauth().clientSecret(), Role.CLIENT_SECRET);
            secret = new OperatorInstall.OAuthSecret(id, pw);
        } else if (creds.existingSecret() != null) {
            mode = CredentialsMode.EXISTING_SECRET;
            volume = secretVolume(creds.existingSecret().name());
        } else if (creds.externalSecret() != null) {
            mode = CredentialsMode.EXTERNAL_SECRET;
            volume = secretVolume(or(creds.externalSecret().secretName(), OperatorInstall.OAUTH_SECRET_NAME)); // = externalSecretName()
        } else if (creds.volume() != null) {
            mode = CredentialsMode.VOLUME;
            volume = toMap(creds.volume());
        } else {
            mode = CredentialsMode.WORKLOAD_IDENTITY;
            wifClientId = placeholders.resolve(doc, "/operator/credentials/workloadIdentity/clientId",
                    creds.workloadIdentity().clientId(), Role.CLIENT_ID).reveal();
            wifAudience = creds.workloadIdentity().audience();
        }

        var talos = c.talos();
        CrdDelivery crds = "inline".equals(talos.crds())
                ? new CrdDelivery(true, doc.baseDirectory().resolve(talos.crdSource()).normalize())
                : CrdDelivery.urls();

        return new OperatorInstall(
                release,
                or(op.namespace(), "tailscale"),
                or(op.hostname(), "tailscale-operator"),
                op.tags() == null ? List.of("tag:k8s-operator") : List.copyOf(op.tags()),
                or(op.logging(), "info"),
                c.tailnet().loginServer() == null ? "" : c.tailnet().loginServer(),
                ImageReference.of(op.registry(), or(image.repository(), release.line().images().operator()),
                        or(image.tag(), version), image.digest()),
                ImageReference.of(op.registry(), or(proxy.repository(), release.line().images().proxy()),
                        or(proxy.tag(), version), proxy.digest()),
                proxies.tags() == null ? List.of("tag:k8s") : List.copyOf(proxies.tags()),
                or(proxies.firewallMode(), "auto"),
                ProxyClassDefaults.defaultClass(c),
                ingressClass.enabled() == null || ingressClass.enabled(),
                or(ingressClass.name(), "tailscale"),
                c.apiServerProxy() == null ? "false" : or(c.apiServerProxy().mode(), "false"),
                c.apiServerProxy() != null && Boolean.TRUE.equals(c.apiServerProxy().allowImpersonation()),
                mode,
                volume,
                wifClientId,
                wifAudience,
                secret,
                op.nodeSelector() == null ? Map.of("kubernetes.io/os", "linux") : new TreeMap<>(op.nodeSelector()),
                resources(op.resources()),
                crds,
                ProxyClassDefaults.metrics(c),
                podSettings(op),
                creds.externalSecret());
    }

    private static OperatorInstall.PodSettings podSettings(Operator op) {
        return new OperatorInstall.PodSettings(
                sorted(op.annotations()),
                sorted(op.podAnnotations()),
                sorted(op.podLabels()),
                sorted(op.serviceAccountAnnotations()),
                op.tolerations() == null ? List.of() : List.copyOf(MAPPER.convertValue(op.tolerations(), List.class)),
                op.affinity() == null ? Map.of() : toMap(op.affinity()),
                op.podSecurityContext() == null ? Map.of() : toMap(op.podSecurityContext()),
                op.securityContext() == null ? Map.of() : toMap(op.securityContext()),
                op.extraEnv() == null ? List.of() : List.copyOf(MAPPER.convertValue(op.extraEnv(), List.class)),
                or(op.priorityClassName(), ""));
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }

    private static Map<String, Object> secretVolume(String name) {
        return Map.of("secret", Map.of("secretName", name));
    }

    private static Map<String, Object> resources(Resources r) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (r == null) {
            return out;
        }
        if (r.limits() != null && !r.limits().isEmpty()) {
            out.put("limits", quantities(r.limits()));
        }
        if (r.requests() != null && !r.requests().isEmpty()) {
            out.put("requests", quantities(r.requests()));
        }
        return out;
    }

    /** Quantities may be written 1 or "1": Kubernetes takes both, we always emit strings. */
    private static Map<String, String> quantities(Map<String, JsonNode> in) {
        Map<String, String> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(k, v.asText()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, Map.class);
    }

    private static String or(String value, String fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
