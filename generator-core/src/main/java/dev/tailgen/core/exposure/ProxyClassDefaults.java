package dev.tailgen.core.exposure;

import dev.tailgen.core.config.TailscaleConfig;
import java.util.List;
import java.util.Map;

/**
 * One rule for proxy classes, read by the operator install and the exposure objects alike: we render
 * ProxyClass {@value Exposure#DEFAULT_PROXY_CLASS} when proxies need a TUN device (Talos >= 1.8), pull
 * secrets, or metrics ({@code monitoring.serviceMonitor}); the user's own {@code proxies.proxyClass}
 * wins as the default. The operator's default reaches Services and Ingresses only, so Connectors
 * name their class explicitly.
 */
public final class ProxyClassDefaults {
    private ProxyClassDefaults() {
    }

    public static boolean rendersOwnClass(TailscaleConfig c) {
        TailscaleConfig.Proxies proxies = c.proxies();
        return (proxies != null && (proxies.talosTun() != null || !pullSecrets(proxies).isEmpty())) || metrics(c);
    }

    /** The PROXY_DEFAULT_CLASS value, or "" for none. */
    public static String defaultClass(TailscaleConfig c) {
        if (c.proxies() != null && c.proxies().proxyClass() != null) {
            return c.proxies().proxyClass();
        }
        return rendersOwnClass(c) ? Exposure.DEFAULT_PROXY_CLASS : "";
    }

    /** Whether monitoring.serviceMonitor asks for proxy and operator metrics. */
    public static boolean metrics(TailscaleConfig c) {
        return c.monitoring() != null && Boolean.TRUE.equals(c.monitoring().serviceMonitor());
    }

    /** Labels for the ServiceMonitors, so a Prometheus Operator selector picks them up. */
    public static Map<String, String> monitorLabels(TailscaleConfig c) {
        return c.monitoring() == null || c.monitoring().labels() == null ? Map.of() : c.monitoring().labels();
    }

    static List<String> pullSecrets(TailscaleConfig.Proxies proxies) {
        return proxies == null || proxies.imagePullSecrets() == null ? List.of() : List.copyOf(proxies.imagePullSecrets());
    }
}
