package dev.tailgen.core.exposure;

import java.util.List;

/**
 * One resolved item of a config section (a Service, an Ingress, a Connector, an egress target):
 * what every cross-item step reads without knowing its kind. Hostname uniqueness walks
 * {@link #devices()}, the object check and the Namespaces walk {@link #objects()}, tag ownership
 * walks {@link #tags()}.
 */
public interface Exposed {
    /** Where the item sits in tailscale.yaml, a JSON pointer such as {@code /services/0}. */
    String pointer();

    /** {@code Service default/internal-api}: the Kubernetes object, as reports name it. */
    String object();

    /** The tags its tailnet devices get, defaults resolved; for an item a ProxyGroup serves, its Tailscale Service's tags. */
    List<String> tags();

    /** The tailnet devices the operator creates for it, in replica order; none when a ProxyGroup serves it. */
    List<Device> devices();

    /** The ProxyGroup that serves it, or null for its own proxy. */
    default String proxyGroup() {
        return null;
    }

    /** The Tailscale Services it creates ({@code svc:<name>}, one MagicDNS name served by every replica of a ProxyGroup). */
    default List<String> tailscaleServices() {
        return List.of();
    }

    /** The ProxyClass its proxies use, given PROXY_DEFAULT_CLASS ("" for none); null for none. */
    String classUsed(String defaultClass);

    /** The Kubernetes objects generated or adopted for it (names must be unique per kind and namespace). */
    List<GeneratedObject> objects();

    /**
     * A tailnet device.
     *
     * @param role        service proxy, ingress proxy, subnet router, egress proxy, ...
     * @param object      the Kubernetes object it serves: {@code Service default/internal-api}
     * @param pointer     the config key that sets its name (for messages)
     * @param defaultForm how the operator derived the name when the config does not set it, else null
     */
    record Device(String name, String role, String object, String pointer, String defaultForm) {
    }

    /**
     * A Kubernetes object of the item: one we render, or one another tool owns that we only patch.
     *
     * @param namespace "" for a cluster-scoped object
     */
    record GeneratedObject(String kind, String namespace, String name, String pointer, boolean adopted) {
        public GeneratedObject(String kind, String namespace, String name, String pointer) {
            this(kind, namespace, name, pointer, false);
        }
    }
}
