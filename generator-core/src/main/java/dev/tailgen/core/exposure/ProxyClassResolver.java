package dev.tailgen.core.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.ProxyClasses.DevicePluginSpec;
import dev.tailgen.core.exposure.ProxyClasses.ProxyClassSpec;
import dev.tailgen.core.operator.OperatorInstall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the ProxyClass specs. Field names are the CRD's (op/apis/v1alpha1/types_proxyclass.go):
 * {@code tun} becomes a limit of 1 on the tailscale container's resources (the device plugin's
 * extended resource), {@code userspace} the env TS_USERSPACE=true, {@code securityContext} the
 * tailscale container's, {@code initContainer} the sysctler's.
 */
final class ProxyClassResolver {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProxyClassResolver() {
    }

    static ProxyClasses resolve(TailscaleConfig c, OperatorInstall install) {
        TailscaleConfig.DevicePlugin plugin = c.devicePlugin();
        DevicePluginSpec devicePlugin = plugin == null ? null
                : new DevicePluginSpec(plugin.image(), plugin.domain() == null ? ProxyClasses.DEVICE_PLUGIN_DOMAIN : plugin.domain());
        String tunDomain = devicePlugin == null ? ProxyClasses.DEVICE_PLUGIN_DOMAIN : devicePlugin.domain();
        List<ProxyClassSpec> rendered = new ArrayList<>();
        if (ProxyClassDefaults.rendersOwnClass(c)) {
            rendered.add(generated(c, install));
        }
        List<TailscaleConfig.ProxyClass> defined = c.proxyClasses() == null ? List.of() : c.proxyClasses();
        for (int i = 0; i < defined.size(); i++) {
            rendered.add(named(defined.get(i), "/proxyClasses/" + i, tunDomain, c));
        }
        return new ProxyClasses(List.copyOf(rendered), ProxyClassDefaults.defaultClass(c), !defined.isEmpty(), devicePlugin);
    }

    /** The class of proxies.talosTun / imagePullSecrets / monitoring: pinned proxy images, a TUN device, pull secrets, metrics. */
    private static ProxyClassSpec generated(TailscaleConfig c, OperatorInstall install) {
        TailscaleConfig.Proxies proxies = c.proxies();
        String tun = proxies == null || proxies.talosTun() == null ? null : proxies.talosTun().resource();
        List<String> pullSecrets = ProxyClassDefaults.pullSecrets(proxies);
        boolean metrics = ProxyClassDefaults.metrics(c);
        Map<String, Object> tailscaleContainer = new TreeMap<>();
        tailscaleContainer.put("image", install.proxyImage());
        if (tun != null) {
            tailscaleContainer.put("resources", Map.of("limits", Map.of(tun, "1")));
        }
        Map<String, Object> pod = new TreeMap<>();
        pod.put("tailscaleContainer", tailscaleContainer);
        pod.put("tailscaleInitContainer", Map.of("image", install.proxyImage()));
        if (!pullSecrets.isEmpty()) {
            pod.put("imagePullSecrets", pullSecrets.stream().map(n -> Map.of("name", n)).toList());
        }
        Map<String, Object> spec = new TreeMap<>();
        spec.put("statefulSet", Map.of("pod", pod));
        if (metrics) {
            spec.put("metrics", metricsSpec(c));
        }
        List<String> why = new ArrayList<>();
        if (tun != null) {
            why.add("proxies.talosTun");
        }
        if (!pullSecrets.isEmpty()) {
            why.add("proxies.imagePullSecrets");
        }
        if (metrics) {
            why.add("monitoring.serviceMonitor");
        }
        return new ProxyClassSpec(Exposure.DEFAULT_PROXY_CLASS, null, "generated for " + String.join(", ", why), tun,
                "/proxies/talosTun/resource", false, metrics, spec);
    }

    private static ProxyClassSpec named(TailscaleConfig.ProxyClass pc, String pointer, String tunDomain, TailscaleConfig c) {
        String tun = pc.tun() == null ? null : pc.tun().isTextual() ? pc.tun().asText() : tunDomain + "/tun";
        boolean userspace = Boolean.TRUE.equals(pc.userspace());
        boolean metrics = Boolean.TRUE.equals(pc.metrics());

        Map<String, Object> tailscaleContainer = new TreeMap<>();
        ExposureTemplates.putIfSet(tailscaleContainer, "securityContext", plain(pc.securityContext()));
        List<Object> env = new ArrayList<>();
        for (TailscaleConfig.EnvEntry e : pc.env() == null ? List.<TailscaleConfig.EnvEntry>of() : pc.env()) {
            env.add(envVar(e.name(), e.value()));
        }
        if (userspace) {
            env.add(envVar("TS_USERSPACE", "true"));
        }
        if (!env.isEmpty()) {
            tailscaleContainer.put("env", env);
        }
        Map<String, Object> resources = new TreeMap<>();
        if (pc.resources() != null) {
            resources.putAll(asMap(plain(pc.resources())));
        }
        if (tun != null) {
            Map<String, Object> limits = new TreeMap<>(asMap(resources.get("limits")));
            limits.put(tun, "1"); // a conflicting limit of the same resource is refused by ProxyClassChecks
            resources.put("limits", limits);
        }
        if (!resources.isEmpty()) {
            tailscaleContainer.put("resources", resources);
        }

        Map<String, Object> pod = new TreeMap<>();
        ExposureTemplates.putIfSet(pod, "labels", pc.podLabels());
        ExposureTemplates.putIfSet(pod, "annotations", pc.podAnnotations());
        ExposureTemplates.putIfSet(pod, "nodeSelector", pc.nodeSelector());
        ExposureTemplates.putIfSet(pod, "tolerations", pc.tolerations() == null ? null : pc.tolerations().stream().map(ProxyClassResolver::plain).toList());
        ExposureTemplates.putIfSet(pod, "affinity", plain(pc.affinity()));
        ExposureTemplates.putIfSet(pod, "priorityClassName", pc.priorityClassName());
        ExposureTemplates.putIfSet(pod, "imagePullSecrets", pc.imagePullSecrets() == null ? null
                : pc.imagePullSecrets().stream().map(r -> Map.of("name", r.name())).toList());
        if (!tailscaleContainer.isEmpty()) {
            pod.put("tailscaleContainer", tailscaleContainer);
        }
        if (pc.initContainer() != null && pc.initContainer().securityContext() != null) {
            pod.put("tailscaleInitContainer", Map.of("securityContext", plain(pc.initContainer().securityContext())));
        }

        Map<String, Object> spec = new TreeMap<>();
        if (!pod.isEmpty()) {
            spec.put("statefulSet", Map.of("pod", pod));
        }
        if (metrics) {
            spec.put("metrics", ProxyClassDefaults.metrics(c) ? metricsSpec(c) : Map.of("enable", true));
        }
        if (Boolean.TRUE.equals(pc.acceptRoutes())) {
            spec.put("tailscale", Map.of("acceptRoutes", true));
        }
        if (Boolean.TRUE.equals(pc.letsEncryptStaging())) {
            spec.put("useLetsEncryptStagingEnvironment", true);
        }
        return new ProxyClassSpec(pc.name(), pointer, ConfigPath.fromPointer(pointer), tun, pointer + "/tun", userspace, metrics, spec);
    }

    /** Metrics with a ServiceMonitor per proxy, labelled so a Prometheus Operator selector picks them up. */
    private static Map<String, Object> metricsSpec(TailscaleConfig c) {
        Map<String, Object> serviceMonitor = new TreeMap<>();
        serviceMonitor.put("enable", true);
        Map<String, String> labels = ProxyClassDefaults.monitorLabels(c);
        if (!labels.isEmpty()) {
            serviceMonitor.put("labels", new TreeMap<>(labels));
        }
        return Map.of("enable", true, "serviceMonitor", serviceMonitor);
    }

    private static Map<String, Object> envVar(String name, String value) {
        Map<String, Object> var = new LinkedHashMap<>();
        var.put("name", name);
        if (value != null) {
            var.put("value", value);
        }
        return var;
    }

    /** A Kubernetes value as plain maps and lists, so the template writes its keys sorted like every other value. */
    private static Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : JSON.convertValue(node, Object.class);
    }

    @SuppressWarnings("unchecked") // plain() makes a JSON object a Map<String, Object>
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
