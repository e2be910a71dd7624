package dev.tailgen.core.monitoring;

/** How the report says whether a proxy's metrics are scraped: only proxies of our own ProxyClass have metrics on. */
public final class ScrapeTargets {
    private final String ours;
    private final String byDefault;
    private final String namespace;
    private final String tailnetDomain;

    ScrapeTargets(String ours, String byDefault, String operatorNamespace, String tailnetDomain) {
        this.ours = ours;
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

    /**
     * @param device     the proxy's device name(s) as the report shows them
     * @param parent     {@code Service default/x}
     * @param proxyClass the class its proxy uses, or null for none
     */
    public String proxy(String device, String parent, String proxyClass) {
        if (!ours.equals(proxyClass)) {
            return "not scraped: proxy `" + device + "` (" + parent + ") uses ProxyClass " + (proxyClass == null ? "none" : proxyClass)
                    + "; enable metrics there";
        }
        return "proxy `" + device + "` (" + parent + "): pod port `metrics` 9002 `/metrics`, through the `<proxy>-metrics` Service and"
                + " ServiceMonitor the operator creates in " + namespace + " (ProxyClass " + ours + ")";
    }
}
