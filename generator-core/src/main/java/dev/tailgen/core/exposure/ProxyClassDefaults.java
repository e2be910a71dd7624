package dev.tailgen.core.exposure;

import dev.tailgen.core.config.TailscaleConfig;
import java.util.List;

/**
 * One rule for proxy classes, read by the operator install and the exposure objects alike: we render
 * ProxyClass {@value Exposure#DEFAULT_PROXY_CLASS} when proxies need a TUN device (Talos >= 1.8) or
 * pull secrets; the user's own {@code proxies.proxyClass} wins as the default. The operator's
 * default reaches Services and Ingresses only, so Connectors name their class explicitly.
 */
public final class ProxyClassDefaults {
    private ProxyClassDefaults() {
    }

    public static boolean rendersOwnClass(TailscaleConfig.Proxies proxies) {
        return proxies != null && (proxies.talosTun() != null
                || (proxies.imagePullSecrets() != null && !proxies.imagePullSecrets().isEmpty()));
    }

    /** The PROXY_DEFAULT_CLASS value, or "" for none. */
    public static String defaultClass(TailscaleConfig.Proxies proxies) {
        if (proxies != null && proxies.proxyClass() != null) {
            return proxies.proxyClass();
        }
        return rendersOwnClass(proxies) ? Exposure.DEFAULT_PROXY_CLASS : "";
    }

    static List<String> pullSecrets(TailscaleConfig.Proxies proxies) {
        return proxies == null || proxies.imagePullSecrets() == null ? List.of() : List.copyOf(proxies.imagePullSecrets());
    }
}
