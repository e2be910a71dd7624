package dev.tailgen.core.monitoring;

import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.ProxyClassDefaults;
import dev.tailgen.core.exposure.ProxyClasses;
import dev.tailgen.core.operator.OperatorInstall;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
        String byDefault = exposure.defaultProxyClass();
        Set<String> withMetrics = new TreeSet<>();
        exposure.proxyClasses().rendered().stream().filter(ProxyClasses.ProxyClassSpec::metrics).forEach(pc -> withMetrics.add(pc.name()));
        ScrapeTargets targets = new ScrapeTargets(withMetrics, byDefault, ns, tailnetDomain);
        exposure.parts().forEach(part -> scraped.addAll(part.scraped(targets)));
        List<String> warnings = new ArrayList<>();
        Optional<ProxyClasses.ProxyClassSpec> defaultClass = exposure.proxyClasses().find(byDefault);
        if (!byDefault.isEmpty() && defaultClass.isEmpty()) {
            warnings.add("monitoring.serviceMonitor: proxies use your ProxyClass " + byDefault
                    + " by default; set metrics.enable and metrics.serviceMonitor.enable in it, or they are not scraped");
        } else if (defaultClass.isPresent() && !defaultClass.get().metrics()) {
            warnings.add("monitoring.serviceMonitor: the default ProxyClass " + byDefault + " (" + ConfigPath.fromPointer(defaultClass.get().pointer())
                    + ") does not turn on metrics; set metrics: true on it, or its proxies are not scraped");
        }
        return new Monitoring(calls, scraped, warnings);
    }
}
