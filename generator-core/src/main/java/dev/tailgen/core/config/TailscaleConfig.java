package dev.tailgen.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The typed form of {@code tailscale.yaml} exactly as the user wrote it (null = not given).
 */
public record TailscaleConfig(
        String apiVersion,
        String kind,
        Metadata metadata,
        Tailnet tailnet,
        Talos talos,
        Operator operator,
        List<ProxyClass> proxyClasses,
        DevicePlugin devicePlugin,
        Proxies proxies,
        List<ProxyGroup> proxyGroups,
        IngressClass ingressClass,
        ApiServerProxy apiServerProxy,
        List<Service> services,
        List<Ingress> ingresses,
        List<SubnetRouter> subnetRouters,
        List<Egress> egress,
        List<Gateway> gateways,
        NetworkPolicy networkPolicy,
        Cilium cilium,
        Monitoring monitoring,
        Acl acl,
        Gitops gitops) {

    /** How manifests/ is handed to a GitOps tool. */
    public record Gitops(Boolean includeSecret) {
    }


    public record Metadata(String name) {
    }

    public record NetworkPolicy(String provider, Integer apiServerPort, List<String> apiServerCidrs, List<String> clusterCidrs) {
    }

    /** Helm values Cilium needs for the operator's proxies (cilium/values.snippet.yaml). */
    public record Cilium(Boolean socketLBHostNamespaceOnly) {
    }

    public record Monitoring(Boolean serviceMonitor, Map<String, String> labels) {
    }

    /** Keys keep the file's order (Jackson reads mappings into LinkedHashMaps). */
    public record Acl(Map<String, List<String>> groups, List<AclRule> rules, Map<String, List<String>> tagOwners,
            List<AppConnectorAttr> appConnectors) {
    }

    /** An entry of the {@code tailscale.com/app-connectors} nodeAttr (types/appctype/appconnector.go:AppConnectorAttr). */
    public record AppConnectorAttr(String name, List<String> connectors, List<String> domains, List<String> routes) {
    }

    public record AclRule(List<String> src, List<String> dst) {
    }

    public record Tailnet(String domain, String loginServer) {
    }

    /** @param role owner (default) or bootstrap: who owns what Talos applies, see {@code dev.tailgen.core.output.Delivery} */
    public record Talos(String version, String crds, String crdSource, List<String> include, String role, String serviceAccountIssuer,
            String kubernetesVersion, Talhelper talhelper) {
        public boolean bootstrapOnly() {
            return "bootstrap".equals(role);
        }
    }

    public record Talhelper(String outputPath) {
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
            Map<String, String> nodeSelector,
            List<JsonNode> tolerations,
            JsonNode affinity,
            String priorityClassName,
            Map<String, String> podAnnotations,
            Map<String, String> podLabels,
            JsonNode podSecurityContext,
            JsonNode securityContext,
            Map<String, String> serviceAccountAnnotations,
            List<JsonNode> extraEnv,
            Map<String, String> annotations) {
    }

    /** Exactly one of the five is set (the schema holds that). */
    public record Credentials(OAuth oauth, ExistingSecret existingSecret, ExternalSecret externalSecret, JsonNode volume,
            WorkloadIdentity workloadIdentity) {
    }

    /** External Secrets Operator fills the Secret the operator mounts; no value reaches the build. */
    public record ExternalSecret(SecretStoreRef store, RemoteRef clientId, RemoteRef clientSecret, String refreshInterval,
            String secretName) {
    }

    public record SecretStoreRef(String kind, String name) {
    }

    /** Where a value sits in the store: ESO's remoteRef key, property and version. */
    public record RemoteRef(String key, String property, String version) {
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

    public record Proxies(List<String> tags, String firewallMode, TalosTun talosTun, String proxyClass, List<String> imagePullSecrets,
            String defaultProxyClass) {
    }

    /**
     * A ProxyClass to render. {@code tun} is a resource name or {@code true}; {@code securityContext},
     * {@code resources}, {@code tolerations} and {@code affinity} are Kubernetes values (checked by type).
     */
    public record ProxyClass(String name, JsonNode tun, Boolean metrics, JsonNode securityContext, InitContainer initContainer,
            List<EnvEntry> env, JsonNode resources, Map<String, String> nodeSelector, List<JsonNode> tolerations, JsonNode affinity,
            String priorityClassName, Map<String, String> podLabels, Map<String, String> podAnnotations,
            List<LocalReference> imagePullSecrets, Boolean acceptRoutes, Boolean letsEncryptStaging, Boolean userspace) {
    }

    public record InitContainer(JsonNode securityContext) {
    }

    /** The ProxyClass CRD takes literal values only. */
    public record EnvEntry(String name, String value) {
    }

    public record LocalReference(String name) {
    }

    public record DevicePlugin(String image, String domain) {
    }

    /** A Service exposed to the tailnet; {@code public} adds a NodePort twin with the same selector and ports. */
    /** A Gateway API Gateway whose implementation puts its data plane behind a tailscale LoadBalancer Service. */
    public record Gateway(String name, String namespace, String gatewayClassName, String hostname, List<String> tags, String proxyGroup,
            String proxyClass, List<JsonNode> listeners, Map<String, String> labels, Map<String, String> annotations) {
    }

    public record Service(String name, String namespace, String hostname, List<String> tags, Map<String, String> selector,
            List<ServicePort> ports, String type, String proxyClass, @JsonProperty("public") PublicTwin publicTwin, Boolean adopt,
            String proxyGroup) {
    }

    /** targetPort is a number or an IANA port name, as in Kubernetes. */
    public record ServicePort(String name, Integer port, JsonNode targetPort, String protocol) {
    }

    public record PublicTwin(String name, Integer nodePort) {
    }

    public record Ingress(String name, String namespace, String hostname, Backend backend, List<String> paths,
            Boolean funnel, Boolean httpRedirect, List<String> tags, String proxyClass, Boolean adopt, String proxyGroup) {
    }

    /** port is a number or a port name of the backend Service. */
    public record Backend(String service, JsonNode port, Map<String, String> selector, JsonNode targetPort) {
    }

    public record SubnetRouter(String name, List<String> routes, Boolean exitNode, List<String> tags, String hostname,
            String hostnamePrefix, Integer replicas, String proxyClass, AppConnector appConnector) {
    }

    /** Connector spec.appConnector: its optional preset routes; the domains come from acl.appConnectors. */
    public record AppConnector(List<String> routes) {
    }

    public record Egress(String name, String namespace, String fqdn, String ip, List<EgressPort> ports, String proxyGroup) {
    }

    public record EgressPort(String name, Integer port, String protocol) {
    }

    public record TalosTun(String resource) {
    }

    public record IngressClass(Boolean enabled, String name) {
    }

    /** The operator's in-process API server proxy, the impersonation RBAC, and who may use kubectl through the proxies. */
    public record ApiServerProxy(String mode, Boolean allowImpersonation, List<ApiAccess> access) {
    }

    /** Tailnet sources that impersonate {@code groups} through the API server proxies; {@code clusterRole} binds them. */
    public record ApiAccess(List<String> src, List<String> groups, String clusterRole) {
    }

    /** A ProxyGroup: {@code replicas} proxies serving Tailscale Services, egress targets or the API server. */
    public record ProxyGroup(String name, String type, Integer replicas, String hostnamePrefix, List<String> tags, String proxyClass,
            KubeApiServer kubeAPIServer) {
    }

    public record KubeApiServer(String mode, String hostname) {
    }
}
