package dev.tailgen.core.monitoring;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure;
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
        ScrapeTargets targets = new ScrapeTargets(ours, byDefault, ns, tailnetDomain);
        exposure.parts().forEach(part -> scraped.addAll(part.scraped(targets)));
        List<String> warnings = new ArrayList<>();
        if (!byDefault.isEmpty() && !byDefault.equals(ours)) {
            warnings.add("monitoring.serviceMonitor: proxies use your ProxyClass " + byDefault
                    + " by default; set metrics.enable and metrics.serviceMonitor.enable in it, or they are not scraped");
        }
        return new Monitoring(calls, scraped, warnings);
    }
}
