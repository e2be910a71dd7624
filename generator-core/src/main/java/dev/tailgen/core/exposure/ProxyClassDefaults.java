package dev.tailgen.core.exposure;

import dev.tailgen.core.config.TailscaleConfig;
import java.util.List;
import java.util.Map;

/**
 * One rule for proxy classes, read by the operator install and the exposure objects alike:
 * {@code proxies.defaultProxyClass} names one of {@code proxyClasses[]} as the default; without it we
 * render ProxyClass {@value Exposure#DEFAULT_PROXY_CLASS} when proxies need a TUN device (Talos >= 1.8),
 * pull secrets, or metrics ({@code monitoring.serviceMonitor}), and the user's external
 * {@code proxies.proxyClass} wins as the default. The operator's default reaches Services and Ingresses
 * only: Connectors get the generated or external default written out (as before proxyClasses[]), but
 * not {@code defaultProxyClass} (a Connector names its class, as upstream intends).
 */
public final class ProxyClassDefaults {
    private ProxyClassDefaults() {
    }

    public static boolean rendersOwnClass(TailscaleConfig c) {
        TailscaleConfig.Proxies proxies = c.proxies();
        if (proxies != null && proxies.defaultProxyClass() != null) {
            return false; // talosTun and imagePullSecrets with it are refused (ProxyClassChecks)
        }
        return (proxies != null && (proxies.talosTun() != null || !pullSecrets(proxies).isEmpty())) || metrics(c);
    }

    /** The PROXY_DEFAULT_CLASS value, or "" for none. */
    public static String defaultClass(TailscaleConfig c) {
        if (c.proxies() != null && c.proxies().defaultProxyClass() != null) {
            return c.proxies().defaultProxyClass();
        }
        if (c.proxies() != null && c.proxies().proxyClass() != null) {
            return c.proxies().proxyClass();
        }
        return rendersOwnClass(c) ? Exposure.DEFAULT_PROXY_CLASS : "";
    }

    /** The class Connectors without their own get: the generated or external default, never defaultProxyClass; or null. */
    public static String connectorDefault(TailscaleConfig c) {
        if (c.proxies() != null && c.proxies().defaultProxyClass() != null) {
            return null;
        }
        String byDefault = defaultClass(c);
        return byDefault.isEmpty() ? null : byDefault;
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
