package dev.tailgen.core.monitoring;

import java.util.Set;

/** How the report says whether a proxy's metrics are scraped: only proxies of a class we render with metrics on serve them. */
public final class ScrapeTargets {
    private final Set<String> withMetrics;
    private final String byDefault;
    private final String namespace;
    private final String tailnetDomain;

    ScrapeTargets(Set<String> withMetrics, String byDefault, String operatorNamespace, String tailnetDomain) {
        this.withMetrics = withMetrics;
        this.byDefault = byDefault;
        this.namespace = operatorNamespace;
        this.tailnetDomain = tailnetDomain;
    }

    public String dns(String hostname) {
        return hostname + "." + tailnetDomain;
    }

    /** PROXY_DEFAULT_CLASS, or "" for none. */
    public String defaultClass() {
        return byDefault;
    }

    /** An item a ProxyGroup serves has no proxy of its own: the group's line says whether its replicas are scraped. */
    public String servedByGroup(String object, String group) {
        return object + ": served by ProxyGroup " + group + " (see its line)";
    }

    /**
     * @param device     the proxy's device name(s) as the report shows them
     * @param parent     {@code Service default/x}
     * @param proxyClass the class its proxy uses, or null for none
     */
    public String proxy(String device, String parent, String proxyClass) {
        if (proxyClass == null || !withMetrics.contains(proxyClass)) {
            return "not scraped: proxy `" + device + "` (" + parent + ") uses ProxyClass " + (proxyClass == null ? "none" : proxyClass)
                    + "; enable metrics there";
        }
        return "proxy `" + device + "` (" + parent + "): pod port `metrics` 9002 `/metrics`, through the `<proxy>-metrics` Service and"
                + " ServiceMonitor the operator creates in " + namespace + " (ProxyClass " + proxyClass + ")";
    }
}
