package dev.tailgen.core.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.ProxyClasses.DevicePluginSpec;
import dev.tailgen.core.exposure.ProxyClasses.ProxyClassSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rules for ProxyClasses (operator-features §1): names unique and defined where referenced, one way
 * to say what the default is, no TUN device in userspace, the device plugin pinned and offering the
 * resource every class requests. Uses of a userspace class are checked by the sections that forbid
 * them (L4 Services, egress).
 */
final class ProxyClassChecks {
    /** Image tags that move: a rebuilt node would run another plugin than the one checked. */
    static final Set<String> FLOATING_TAGS = Set.of("latest", "stable", "main", "master", "edge", "nightly", "dev", "head");
    private static final String DEFAULT = "/proxies/defaultProxyClass";

    private ProxyClassChecks() {
    }

    static void check(ConfigDocument doc, TailscaleConfig config, Exposure exposure, ExposureChecks.Problems problems) {
        ProxyClasses classes = exposure.proxyClasses();
        uniqueNames(classes, problems);
        oneDefault(config, classes, problems);
        references(doc, config, exposure, problems);
        for (ProxyClassSpec pc : classes.rendered()) {
            if (pc.pointer() == null) {
                continue;
            }
            if (pc.userspace() && pc.tunResource() != null) {
                problems.add(pc.pointer() + "/userspace", "a userspace class needs no TUN device, but this one requests " + pc.tunResource()
                        + " (tun); remove tun or userspace");
            }
            JsonNode limit = pc.tunResource() == null ? null : doc.tree().at(pc.pointer() + "/resources/limits").get(pc.tunResource());
            if (limit != null) {
                problems.add(ConfigPath.child(pc.pointer() + "/resources/limits", pc.tunResource()), "tun already sets the limit of "
                        + pc.tunResource() + " to 1; remove it from resources.limits");
            }
        }
        devicePlugin(classes, problems);
    }

    /** Warnings for the build log: env variables that change the proxy's own tailscale settings. */
    static List<String> warnings(ConfigDocument doc) {
        List<String> out = new ArrayList<>();
        for (String pointer : doc.matching("/proxyClasses/*/env/*/name")) {
            String name = doc.tree().at(pointer).asText();
            if (name.startsWith("TS_")) {
                out.add(ConfigPath.fromPointer(pointer.substring(0, pointer.length() - "/name".length())) + ": " + name
                        + " overrides a setting of the proxy's tailscale (containerboot); the operator accepts the class with a"
                        + " CustomTSEnvVar warning, and the value wins over the operator's own");
            }
        }
        return out;
    }

    private static void uniqueNames(ProxyClasses classes, ExposureChecks.Problems problems) {
        Map<String, ProxyClassSpec> seen = new HashMap<>();
        for (ProxyClassSpec pc : classes.rendered()) {
            ProxyClassSpec first = seen.putIfAbsent(pc.name(), pc);
            if (first != null && pc.pointer() != null) {
                problems.add(pc.pointer() + "/name", "ProxyClass " + pc.name() + " is already defined by "
                        + (first.pointer() == null ? "the class proxies.talosTun, imagePullSecrets or monitoring generate"
                                : problems.describe(first.pointer())) + "; names must be unique");
            }
        }
    }

    /** defaultProxyClass replaces the shorthands of the generated class and the external default. */
    private static void oneDefault(TailscaleConfig config, ProxyClasses classes, ExposureChecks.Problems problems) {
        TailscaleConfig.Proxies proxies = config.proxies();
        if (proxies == null || proxies.defaultProxyClass() == null) {
            return;
        }
        String name = proxies.defaultProxyClass();
        if (proxies.proxyClass() != null) {
            problems.add("/proxies/proxyClass", "proxies.proxyClass and proxies.defaultProxyClass both name the default class; keep"
                    + " defaultProxyClass (a class in proxyClasses) or proxyClass (a class made outside this config)");
        }
        if (proxies.talosTun() != null) {
            problems.add("/proxies/talosTun", "proxies.talosTun is the shorthand for a generated default class; with"
                    + " proxies.defaultProxyClass request the TUN device in that class instead (tun: " + proxies.talosTun().resource() + ")");
        }
        if (proxies.imagePullSecrets() != null) {
            problems.add("/proxies/imagePullSecrets", "proxies.imagePullSecrets go into the generated default class; with"
                    + " proxies.defaultProxyClass set imagePullSecrets on the classes in proxyClasses instead");
        }
        if (classes.find(name).isEmpty()) {
            problems.add(DEFAULT, notDefined(name, classes));
        }
    }

    /** With proxyClasses[], a reference names one of them (or the external proxies.proxyClass); without, any class made elsewhere. */
    private static void references(ConfigDocument doc, TailscaleConfig config, Exposure exposure, ExposureChecks.Problems problems) {
        ProxyClasses classes = exposure.proxyClasses();
        if (!classes.defined()) {
            return;
        }
        String external = config.proxies() == null ? null : config.proxies().proxyClass();
        for (Exposed item : exposure.items()) {
            String pointer = item.pointer() + "/proxyClass";
            JsonNode ref = doc.tree().at(pointer);
            if (ref.isTextual() && classes.find(ref.asText()).isEmpty() && !ref.asText().equals(external)) {
                problems.add(pointer, notDefined(ref.asText(), classes));
            }
        }
    }

    private static String notDefined(String name, ProxyClasses classes) {
        List<String> names = classes.rendered().stream().filter(c -> c.pointer() != null).map(ProxyClassSpec::name).toList();
        return "ProxyClass " + name + " is not defined in proxyClasses"
                + (names.isEmpty() ? ", which is empty" : " (defined: " + String.join(", ", names) + ")")
                + "; define it there, or fix the name";
    }

    /** A pinned image, and the resource it offers is the one every class requests. */
    private static void devicePlugin(ProxyClasses classes, ExposureChecks.Problems problems) {
        DevicePluginSpec plugin = classes.devicePlugin();
        if (plugin == null) {
            return;
        }
        String tag = tagOf(plugin.image());
        if (tag != null && FLOATING_TAGS.contains(tag.toLowerCase(Locale.ROOT))) {
            problems.add("/devicePlugin/image", "image " + plugin.image() + " uses the floating tag " + tag + ", so nodes may run"
                    + " different plugins; pin a release tag (e.g. ghcr.io/squat/generic-device-plugin:0.2.0) or a digest (@sha256:...)");
        }
        for (ProxyClassSpec pc : classes.rendered()) {
            if (pc.tunResource() != null && !pc.tunResource().equals(plugin.tunResource())) {
                problems.add(pc.tunPointer(), "TUN resource " + pc.tunResource() + " is not the one devicePlugin offers ("
                        + plugin.tunResource() + ", from devicePlugin.domain " + plugin.domain() + "); write " + plugin.tunResource()
                        + (pc.pointer() == null ? "" : " or true") + ", or set devicePlugin.domain to "
                        + pc.tunResource().substring(0, pc.tunResource().indexOf('/')));
            }
        }
    }

    /** The tag of {@code repo:tag} or {@code repo:tag@digest}; null for a digest only (a port is not a tag). */
    static String tagOf(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(colon + 1) : null;
    }
}
