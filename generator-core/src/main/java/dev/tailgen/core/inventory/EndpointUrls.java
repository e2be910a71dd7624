package dev.tailgen.core.inventory;

import dev.tailgen.core.exposure.Exposure.Port;
import java.util.List;
import java.util.Locale;

/**
 * The address a developer types for an exposure. An L4 proxy forwards ports as they are, so the
 * scheme comes from the port: 443/8443 or a name starting with "https" gives https, 80/8080 or a
 * name starting with "http" gives http, anything else is a plain host:port (UDP marked as such).
 * An Ingress is always HTTPS on 443 (tailscale serve with a ts.net certificate).
 */
public final class EndpointUrls {
    private EndpointUrls() {
    }

    public static String forPort(String magicDns, Port port) {
        String name = port.name() == null ? "" : port.name().toLowerCase(Locale.ROOT);
        if ("UDP".equals(port.protocol())) {
            return magicDns + ":" + port.port() + " (UDP)";
        }
        if (name.startsWith("https") || port.port() == 443 || port.port() == 8443) {
            return "https://" + magicDns + (port.port() == 443 ? "" : ":" + port.port());
        }
        if (name.startsWith("http") || port.port() == 80 || port.port() == 8080) {
            return "http://" + magicDns + (port.port() == 80 ? "" : ":" + port.port());
        }
        return magicDns + ":" + port.port();
    }

    public static String https(String magicDns) {
        return "https://" + magicDns;
    }

    public static List<String> forIngress(String magicDns, List<String> paths) {
        return paths.stream().map(p -> "https://" + magicDns + (p.equals("/") ? "" : p)).toList();
    }
}
