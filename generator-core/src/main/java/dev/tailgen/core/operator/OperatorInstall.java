package dev.tailgen.core.operator;

import dev.tailgen.core.config.SecretValue;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.release.OperatorRelease;
import java.util.List;
import java.util.Map;

/**
 * The operator install with every default resolved: what the templates render, nothing optional
 * left for a template to test (strict Jinjava is silent on some undefined-variable cases).
 *
 * @param oauthVolume  the pod volume source named {@code oauth}; empty for workload identity
 * @param oauthSecret  client id and secret to render as Secret {@code operator-oauth}; null unless OAUTH
 * @param externalSecret the ExternalSecret to render; null unless EXTERNAL_SECRET
 */
public record OperatorInstall(
        OperatorRelease release,
        String namespace,
        String hostname,
        List<String> tags,
        String logging,
        String loginServer,
        String operatorImage,
        String proxyImage,
        List<String> proxyTags,
        String firewallMode,
        String defaultProxyClass,
        boolean ingressClassEnabled,
        String ingressClassName,
        String apiServerProxyMode,
        boolean allowImpersonation,
        CredentialsMode credentialsMode,
        Map<String, Object> oauthVolume,
        String workloadIdentityClientId,
        String workloadIdentityAudience,
        OAuthSecret oauthSecret,
        Map<String, String> nodeSelector,
        Map<String, Object> resources,
        CrdDelivery crds,
        boolean metricsPort,
        PodSettings pod,
        TailscaleConfig.ExternalSecret externalSecret) {

    public static final String OAUTH_SECRET_NAME = "operator-oauth";

    /** ESO's own default refresh interval, written out. */
    public static final String EXTERNAL_SECRET_REFRESH = "1h";

    /** The Secret the ExternalSecret fills and the operator mounts; null without an ExternalSecret. */
    public String externalSecretName() {
        return externalSecret == null ? null : externalSecret.secretName() == null ? OAUTH_SECRET_NAME : externalSecret.secretName();
    }

    /**
     * Whether the chart's impersonation RBAC renders (templates/apiserverproxy-rbac.yaml): with the
     * in-process proxy in auth mode, or with allowImpersonation for auth-mode kube-apiserver ProxyGroups.
     */
    public boolean impersonationRbac() {
        return "true".equals(apiServerProxyMode) || allowImpersonation;
    }

    /** {@code v1.2.3} */
    public String version() {
        return release.versionText();
    }

    /**
     * The chart's operatorConfig pod settings (and top-level annotations), as written: empty when not
     * set, which the chart leaves out too. Kubernetes-typed values are plain maps and lists.
     */
    public record PodSettings(
            Map<String, String> deploymentAnnotations,
            Map<String, String> podAnnotations,
            Map<String, String> podLabels,
            Map<String, String> serviceAccountAnnotations,
            List<Object> tolerations,
            Map<String, Object> affinity,
            Map<String, Object> podSecurityContext,
            Map<String, Object> securityContext,
            List<Object> extraEnv,
            String priorityClassName) {
    }

    public record OAuthSecret(SecretValue clientId, SecretValue clientSecret) {
    }
}
