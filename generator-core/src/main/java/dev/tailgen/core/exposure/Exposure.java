package dev.tailgen.core.exposure;

import java.util.List;
import java.util.Map;

/**
 * The exposure sections with every default resolved (hostnames, namespaces, proxy classes, device
 * names), so templates, checks and the inventory read one model. {@code pointer} is where each
 * item sits in tailscale.yaml, for messages.
 *
 * @param defaultProxyClass ProxyClass name for PROXY_DEFAULT_CLASS, or "" for none
 * @param renderedProxyClass the ProxyClass we render (talosTun, pull secrets), or null
 */
public record Exposure(
        List<ExposedService> services,
        List<ExposedIngress> ingresses,
        List<Connector> connectors,
        List<EgressTarget> egress,
        String defaultProxyClass,
        ProxyClassSpec renderedProxyClass) {

    public static final String MANAGED_BY = "tailscale-maven-plugin";
    public static final String DEFAULT_PROXY_CLASS = "tailscale-default";

    public record Port(String name, int port, Object targetPort, String protocol, Integer nodePort) {
        /** Whether a reference to a Service port, by number or by name, means this port. */
        public boolean isReferencedBy(Object servicePort) {
            return servicePort instanceof Integer n ? port == n : servicePort.equals(name);
        }
    }

    /** The Service of services[] an Ingress in {@code namespace} sends to: by name or public-twin name; null if not in the config. */
    public static ExposedService backendService(List<ExposedService> services, String namespace, String name) {
        return services.stream().filter(s -> s.namespace().equals(namespace)
                && (s.name().equals(name) || name.equals(s.publicName()))).findFirst().orElse(null);
    }

    /**
     * @param tags        the tags the device gets: the item's, else the proxies' default
     * @param tagsGiven   whether the item set its own tags (only then is the annotation written)
     */
    public record ExposedService(String pointer, String name, String namespace, String hostname, List<String> tags,
            boolean tagsGiven, Map<String, String> selector, List<Port> ports, boolean loadBalancer, String proxyClass,
            String publicName, Integer publicNodePort) {
    }

    /**
     * @param backendSelector   pod selector of the backend Service (from services[] or backend.selector), or null if unknown
     * @param backendTargetPort the container port behind the backend port (from services[], backend.targetPort, else the port)
     */
    public record ExposedIngress(String pointer, String name, String namespace, String hostname, String ingressClassName,
            String backendService, Object backendPort, List<String> paths, boolean funnel, boolean httpRedirect,
            List<String> tags, boolean tagsGiven, String proxyClass, Map<String, String> backendSelector,
            Object backendTargetPort) {
    }

    /** @param deviceNames the tailnet device names its replicas get */
    public record Connector(String pointer, String name, List<String> routes, boolean exitNode, List<String> tags,
            boolean tagsGiven, String hostname, String hostnamePrefix, Integer replicas, String proxyClass,
            List<String> deviceNames) {
    }

    /** @param deviceName the egress proxy's tailnet device name (the operator's {@code <ns>-<name>}) */
    public record EgressTarget(String pointer, String name, String namespace, String fqdn, String ip, List<Port> ports,
            String deviceName) {
    }

    /**
     * What the default ProxyClass requests: a TUN device resource on Talos, pinned proxy images, pull
     * secrets, and metrics with a ServiceMonitor labelled {@code monitorLabels} (when {@code metrics}).
     */
    public record ProxyClassSpec(String name, String tunResource, String proxyImage, List<String> imagePullSecrets,
            boolean metrics, Map<String, String> monitorLabels) {
    }
}
