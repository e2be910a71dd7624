package dev.tailgen.core.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.operator.OperatorInstall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The exposure sections in pipeline order. The order is the order of the manifest groups, of the
 * inventory's devices and of every report table; a section may read those before it (ingresses
 * read services for their backends).
 */
public final class Sections {
    public static final List<Section<?>> ALL = List.of(
            ProxyGroupsSection.INSTANCE,
            ServicesSection.INSTANCE,
            IngressesSection.INSTANCE,
            SubnetRoutersSection.INSTANCE,
            EgressSection.INSTANCE,
            GatewaysSection.INSTANCE);

    private Sections() {
    }

    /** Resolves every section, writing the operator's defaults out explicitly. */
    public static Exposure resolve(TailscaleConfig config, OperatorInstall install) {
        Resolution resolution = new Resolution(config, install);
        List<Exposure.Part<?>> parts = new ArrayList<>();
        for (Section<?> section : ALL) {
            parts.add(resolution.resolve(section));
        }
        return new Exposure(List.copyOf(parts), ProxyClassResolver.resolve(config, install), install.impersonationRbac());
    }

    static Object portValue(JsonNode node) {
        return node.isNumber() ? (Object) node.intValue() : node.asText();
    }

    /** The item's own tags, else the proxies' default. */
    static List<String> tags(List<String> given, List<String> fallback) {
        return given == null ? fallback : List.copyOf(given);
    }

    static <T> List<T> or(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String or(String value, String fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
