package dev.tailgen.core.operator;

import dev.tailgen.core.config.SecretValue;
import java.util.List;
import java.util.Map;

/**
 * The operator install with every default resolved: what the templates render, nothing optional
 * left for a template to test (strict Jinjava is silent on some undefined-variable cases).
 *
 * @param oauthVolume  the pod volume source named {@code oauth}; empty for workload identity
 * @param oauthSecret  client id and secret to render as Secret {@code operator-oauth}; null unless OAUTH
 */
public record OperatorInstall(
        String version,
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
        CredentialsMode credentialsMode,
        Map<String, Object> oauthVolume,
        String workloadIdentityClientId,
        String workloadIdentityAudience,
        OAuthSecret oauthSecret,
        Map<String, String> nodeSelector,
        Map<String, Object> resources,
        CrdDelivery crds,
        boolean metricsPort) {

    public static final String OAUTH_SECRET_NAME = "operator-oauth";

    public record OAuthSecret(SecretValue clientId, SecretValue clientSecret) {
    }
}
