package dev.tailgen.core.exposure;

import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the sections' templates share, the ProxyClass we render and the Namespaces of exposed
 * objects. Labels, annotations and port lists are computed in Java (the operator's exact
 * annotation names and string values) and reach the templates as JSON values.
 */
public final class ExposureTemplates {
    public static final String EXPOSED_LABEL = "tailscale.com/exposed";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String PROXY_CLASS_LABEL = "tailscale.com/proxy-class";
    /** The annotation naming the ProxyGroup that serves a Service or Ingress (op/sts.go: AnnotationProxyGroup). */
    public static final String PROXY_GROUP_ANNOTATION = "tailscale.com/proxy-group";
    /** The generic device plugin's DaemonSet name and label, as in its own manifests/generic-device-plugin.yaml. */
    public static final String DEVICE_PLUGIN = "generic-device-plugin";
    static final String DEVICE_PLUGIN_NAME_LABEL = "app.kubernetes.io/name";
    private static final Set<String> BUILT_IN_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    private ExposureTemplates() {
    }

    /** The ProxyClasses we render, then the device plugin that offers their TUN devices. */
    public static List<TemplateCall> proxyClasses(Exposure e) {
        List<TemplateCall> out = new ArrayList<>();
        for (ProxyClasses.ProxyClassSpec pc : e.proxyClasses().rendered()) {
            out.add(call("exposure/proxyclass.yaml.j2", "pc", Map.of("name", pc.name(), "labels", managedLabels(), "spec", pc.spec())));
        }
        ProxyClasses.DevicePluginSpec plugin = e.proxyClasses().devicePlugin();
        if (plugin != null) {
            Map<String, Object> dp = new LinkedHashMap<>();
            dp.put("image", plugin.image());
            dp.put("domain", plugin.domain());
            Map<String, String> labels = managedLabels();
            labels.put(DEVICE_PLUGIN_NAME_LABEL, DEVICE_PLUGIN);
            dp.put("labels", labels);
            dp.put("selector", Map.of(DEVICE_PLUGIN_NAME_LABEL, DEVICE_PLUGIN));
            out.add(call("exposure/device-plugin.yaml.j2", "dp", dp));
        }
        return out;
    }

    /** Namespaces the rendered exposure objects live in, except the built-in ones and those rendered elsewhere (an adopted object's tool makes its own). */
    public static List<TemplateCall> namespaces(Exposure e, Set<String> alreadyRendered) {
        Set<String> names = new TreeSet<>();
        e.items().forEach(item -> item.objects().stream().filter(o -> !o.adopted()).map(Exposed.GeneratedObject::namespace)
                .filter(ns -> !ns.isEmpty()).forEach(names::add));
        names.removeAll(BUILT_IN_NAMESPACES);
        names.removeAll(alreadyRendered);
        List<TemplateCall> out = new ArrayList<>();
        for (String name : names) {
            out.add(call("exposure/namespace.yaml.j2", "ns", Map.of("name", name, "labels", managedLabels())));
        }
        return out;
    }

    static TemplateCall call(String template, String key, Map<String, Object> model) {
        return new TemplateCall(template, Map.of(key, model));
    }

    static List<Map<String, Object>> ports(List<Port> ports, boolean withTarget, Integer nodePort) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Port p : ports) {
            Map<String, Object> m = new TreeMap<>();
            putIfSet(m, "name", p.name());
            m.put("port", p.port());
            m.put("protocol", p.protocol());
            if (withTarget) {
                m.put("targetPort", p.targetPort());
            }
            putIfSet(m, "nodePort", nodePort);
            out.add(m);
        }
        return out;
    }

    /** Name, namespace and the one label of ours the operator reads (the proxy class), for a patch of an adopted object. */
    static Map<String, Object> patchTarget(String name, String namespace, String proxyClass) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", name);
        object.put("namespace", namespace);
        object.put("labels", proxyClass == null ? Map.of() : Map.of(PROXY_CLASS_LABEL, proxyClass));
        object.put("hasLabels", proxyClass != null);
        return object;
    }

    /** Name, namespace and the labels every exposed Service and Ingress carries. */
    static Map<String, Object> exposedObject(String name, String namespace, String proxyClass) {
        Map<String, String> labels = managedLabels();
        labels.put(EXPOSED_LABEL, "true");
        if (proxyClass != null) {
            labels.put(PROXY_CLASS_LABEL, proxyClass);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", name);
        object.put("namespace", namespace);
        object.put("labels", labels);
        return object;
    }

    static Map<String, String> managedLabels() {
        Map<String, String> labels = new TreeMap<>();
        labels.put(MANAGED_BY_LABEL, Exposure.MANAGED_BY);
        return labels;
    }

    static <V> void putIfSet(Map<String, V> m, String key, V value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
