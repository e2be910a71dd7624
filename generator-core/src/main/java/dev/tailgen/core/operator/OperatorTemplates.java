package dev.tailgen.core.operator;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which operator templates render for an install, and the context each one sees. The OAuth Secret
 * renders alone with a context that holds nothing but its own values.
 */
public final class OperatorTemplates {
    private OperatorTemplates() {
    }

    /** The install without CRDs and without the Secret. */
    public static List<TemplateCall> install(OperatorInstall install) {
        Map<String, Object> context = Map.of("op", model(install));
        List<String> names = new ArrayList<>(List.of(
                "operator/namespace.yaml.j2",
                "operator/serviceaccounts.yaml.j2",
                "operator/rbac.yaml.j2",
                "operator/deployment.yaml.j2"));
        if (install.ingressClassEnabled()) {
            names.add("operator/ingressclass.yaml.j2");
        }
        if (install.impersonationRbac()) {
            names.add("operator/apiserver-proxy-rbac.yaml.j2");
        }
        return names.stream().map(name -> new TemplateCall(name, context)).toList();
    }

    /**
     * The ExternalSecret that fills the Secret the operator mounts (keys client_id and client_secret,
     * as op/deploy/chart reads them from /oauth), or nothing when credentials come another way.
     */
    public static List<TemplateCall> externalSecret(OperatorInstall install) {
        TailscaleConfig.ExternalSecret es = install.externalSecret();
        if (es == null) {
            return List.of();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        String name = install.externalSecretName();
        model.put("name", name);
        model.put("namespace", install.namespace());
        model.put("refreshInterval", es.refreshInterval() == null ? OperatorInstall.EXTERNAL_SECRET_REFRESH : es.refreshInterval());
        model.put("store", Map.of("kind", es.store().kind(), "name", es.store().name()));
        model.put("data", List.of(remote("client_id", es.clientId()), remote("client_secret", es.clientSecret())));
        return List.of(new TemplateCall("operator/external-secret.yaml.j2", Map.of("es", model)));
    }

    private static Map<String, Object> remote(String secretKey, TailscaleConfig.RemoteRef ref) {
        Map<String, Object> remoteRef = new TreeMap<>();
        remoteRef.put("key", ref.key());
        if (ref.property() != null) {
            remoteRef.put("property", ref.property());
        }
        if (ref.version() != null) {
            remoteRef.put("version", ref.version());
        }
        return Map.of("secretKey", secretKey, "remoteRef", remoteRef);
    }

    /** Secret operator-oauth, or nothing when credentials are not inline OAuth. */
    public static List<TemplateCall> oauthSecret(OperatorInstall install) {
        if (install.oauthSecret() == null) {
            return List.of();
        }
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("name", OperatorInstall.OAUTH_SECRET_NAME);
        secret.put("namespace", install.namespace());
        secret.put("clientId", install.oauthSecret().clientId().reveal());
        secret.put("clientSecret", install.oauthSecret().clientSecret().reveal());
        String name = "operator/oauth-secret.yaml.j2";
        return List.of(new TemplateCall(name, Map.of("secret", secret)));
    }

    static Map<String, Object> model(OperatorInstall i) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("namespace", i.namespace());
        op.put("hostname", i.hostname());
        op.put("tagsCsv", String.join(",", i.tags()));
        op.put("logging", i.logging());
        op.put("loginServer", i.loginServer());
        op.put("image", i.operatorImage());
        op.put("proxyImage", i.proxyImage());
        op.put("proxyTagsCsv", String.join(",", i.proxyTags()));
        op.put("firewallMode", i.firewallMode());
        op.put("hasDefaultProxyClass", !i.defaultProxyClass().isEmpty());
        op.put("defaultProxyClass", i.defaultProxyClass());
        op.put("ingressClassName", i.ingressClassName());
        op.put("apiServerProxyMode", i.apiServerProxyMode());
        op.put("inProcessAuthProxy", "true".equals(i.apiServerProxyMode()));
        boolean wif = i.credentialsMode() == CredentialsMode.WORKLOAD_IDENTITY;
        op.put("workloadIdentity", wif);
        op.put("wifClientId", i.workloadIdentityClientId());
        op.put("wifAudience", i.workloadIdentityAudience());
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("name", "oauth");
        volume.putAll(i.oauthVolume());
        op.put("oauthVolume", volume);
        op.put("hasNodeSelector", !i.nodeSelector().isEmpty());
        op.put("nodeSelector", i.nodeSelector());
        op.put("hasResources", !i.resources().isEmpty());
        op.put("metricsPort", i.metricsPort());
        op.put("resources", i.resources());
        var rbac = i.release().line().rbac();
        op.put("clusterRoleRules", rbac.clusterRole());
        op.put("operatorRoleRules", rbac.operatorRole());
        op.put("proxiesRoleRules", rbac.proxiesRole());
        var pod = i.pod();
        op.put("deploymentAnnotations", pod.deploymentAnnotations());
        op.put("podAnnotations", pod.podAnnotations());
        op.put("podLabels", pod.podLabels());
        op.put("serviceAccountAnnotations", pod.serviceAccountAnnotations());
        op.put("tolerations", pod.tolerations());
        op.put("affinity", pod.affinity());
        op.put("podSecurityContext", pod.podSecurityContext());
        op.put("securityContext", pod.securityContext());
        op.put("extraEnv", pod.extraEnv());
        op.put("priorityClassName", pod.priorityClassName());
        op.put("serviceAccountNameEnv", i.release().line().deployment().serviceAccountNameEnv());
        return op;
    }
}
