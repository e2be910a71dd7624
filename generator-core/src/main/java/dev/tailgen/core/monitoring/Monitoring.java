package dev.tailgen.core.monitoring;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.Exposure.Connector;
import dev.tailgen.core.exposure.Exposure.EgressTarget;
import dev.tailgen.core.exposure.Exposure.ExposedIngress;
import dev.tailgen.core.exposure.Exposure.ExposedService;
import dev.tailgen.core.exposure.ProxyClassDefaults;
import dev.tailgen.core.operator.OperatorInstall;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monitoring step ({@code monitoring.serviceMonitor: true}). Proxies: the default ProxyClass
 * turns on metrics and a ServiceMonitor, so the operator creates a metrics Service and
 * ServiceMonitor per proxy (port 9002). The operator: upstream declares no port, ships no Service
 * nor monitor, so we add the container port, a Service and a ServiceMonitor for :8080/metrics.
 *
 * @param calls    the operator's metrics Service and ServiceMonitor
 * @param scraped  one line per scrape target (or why something is not scraped), for the report
 */
public record Monitoring(List<TemplateCall> calls, List<String> scraped, List<String> warnings) {
    static final String COMPONENT = "operator-metrics";

    public static Monitoring of(TailscaleConfig config, OperatorInstall install, Exposure exposure, String tailnetDomain) {
        if (!ProxyClassDefaults.metrics(config)) {
            return new Monitoring(List.of(), List.of(), List.of());
        }
        Map<String, String> selector = new TreeMap<>();
        selector.put("app.kubernetes.io/managed-by", Exposure.MANAGED_BY);
        selector.put("app.kubernetes.io/component", COMPONENT);
        Map<String, String> labels = new TreeMap<>(ProxyClassDefaults.monitorLabels(config));
        labels.putAll(selector);
        Map<String, Object> mon = Map.of("namespace", install.namespace(), "labels", labels, "selector", selector);
        List<TemplateCall> calls = List.of("monitoring/operator-metrics-service.yaml.j2", "monitoring/operator-servicemonitor.yaml.j2")
                .stream().map(template -> new TemplateCall(template, Map.of("mon", mon))).toList();

        String ns = install.namespace();
        List<String> scraped = new ArrayList<>();
        scraped.add("operator `" + install.hostname() + "`: pod port `metrics` 8080 `/metrics`, Service " + ns
                + "/operator-metrics, ServiceMonitor " + ns + "/operator-metrics");
        String ours = Exposure.DEFAULT_PROXY_CLASS;
        String byDefault = exposure.defaultProxyClass();
        for (ExposedService s : exposure.services()) {
            scraped.add(proxyLine(s.hostname() + "." + tailnetDomain, "Service " + s.namespace() + "/" + s.name(),
                    s.proxyClass() == null ? byDefault : s.proxyClass(), ours, ns));
        }
        for (ExposedIngress g : exposure.ingresses()) {
            scraped.add(proxyLine(g.hostname() + "." + tailnetDomain, "Ingress " + g.namespace() + "/" + g.name(),
                    g.proxyClass() == null ? byDefault : g.proxyClass(), ours, ns));
        }
        for (Connector c : exposure.connectors()) {
            scraped.add(proxyLine(String.join(", ", c.deviceNames()), "Connector " + c.name(), c.proxyClass(), ours, ns));
        }
        for (EgressTarget t : exposure.egress()) {
            scraped.add("not scraped: egress proxy of Service " + t.namespace() + "/" + t.name()
                    + " (the operator offers no metrics for standalone egress proxies)");
        }
        List<String> warnings = new ArrayList<>();
        if (!byDefault.isEmpty() && !byDefault.equals(ours)) {
            warnings.add("monitoring.serviceMonitor: proxies use your ProxyClass " + byDefault
                    + " by default; set metrics.enable and metrics.serviceMonitor.enable in it, or they are not scraped");
        }
        return new Monitoring(calls, scraped, warnings);
    }

    private static String proxyLine(String device, String parent, String proxyClass, String ours, String ns) {
        if (!ours.equals(proxyClass)) {
            return "not scraped: proxy `" + device + "` (" + parent + ") uses ProxyClass " + (proxyClass == null ? "none" : proxyClass)
                    + "; enable metrics there";
        }
        return "proxy `" + device + "` (" + parent + "): pod port `metrics` 9002 `/metrics`, through the `<proxy>-metrics` Service and"
                + " ServiceMonitor the operator creates in " + ns + " (ProxyClass " + ours + ")";
    }
}
