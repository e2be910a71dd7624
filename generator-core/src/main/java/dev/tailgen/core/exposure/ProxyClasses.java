package dev.tailgen.core.exposure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ProxyClasses this config renders (the generated {@value Exposure#DEFAULT_PROXY_CLASS} or the
 * user's {@code proxyClasses[]}), which one is PROXY_DEFAULT_CLASS, and the device plugin that offers
 * their TUN devices.
 *
 * @param defaultName PROXY_DEFAULT_CLASS, or "" for none
 * @param defined     whether the config has proxyClasses[] (then every class reference must name one of them)
 * @param devicePlugin the device plugin to render, or null
 */
public record ProxyClasses(List<ProxyClassSpec> rendered, String defaultName, boolean defined, DevicePluginSpec devicePlugin) {
    /** The default domain of the generic device plugin's resources since its release 0.2.0 (before: squat.ai). */
    public static final String DEVICE_PLUGIN_DOMAIN = "devic.es";

    /**
     * One ProxyClass to render.
     *
     * @param pointer     where it is defined in tailscale.yaml, or null for the generated class
     * @param origin      for the report: {@code proxyClasses[0]}, or the keys that made us generate it
     * @param tunResource the extended resource it requests one of, or null
     * @param tunPointer  the key that sets it
     * @param metrics     whether its proxies serve metrics
     * @param spec        the ProxyClass spec as rendered
     */
    public record ProxyClassSpec(String name, String pointer, String origin, String tunResource, String tunPointer, boolean userspace,
            boolean metrics, Map<String, Object> spec) {

        /**
         * What a kube-apiserver ProxyGroup cannot take (op/proxygroup.go:validate): a tailscale image (it runs
         * k8s-proxy) or an init container; null when the class sets neither.
         */
        String refusedByApiServerProxy() {
            Map<?, ?> pod = child(child(spec, "statefulSet"), "pod");
            Object image = child(pod, "tailscaleContainer").get("image");
            if (image != null) {
                return "sets the proxy image " + image;
            }
            return pod.containsKey("tailscaleInitContainer") ? "configures the init container" : null;
        }

        private static Map<?, ?> child(Map<?, ?> map, String key) {
            return map.get(key) instanceof Map<?, ?> m ? m : Map.of();
        }
    }

    /** @param domain the domain of the resources it declares: {@code <domain>/tun} */
    public record DevicePluginSpec(String image, String domain) {
        public String tunResource() {
            return domain + "/tun";
        }
    }

    /** Why a userspace class cannot serve a proxy that forwards to a destination (cmd/containerboot/settings.go:validate). */
    static String userspaceRefused(String className, String proxy, String setting, String fix) {
        return "ProxyClass " + className + " runs proxies in userspace (TS_USERSPACE=true), where " + proxy
                + " exits at start: containerboot refuses " + setting + " in userspace mode; " + fix;
    }

    public Optional<ProxyClassSpec> find(String name) {
        return rendered.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names a reference may use, for messages. */
    public List<String> names() {
        return rendered.stream().map(ProxyClassSpec::name).toList();
    }
}
