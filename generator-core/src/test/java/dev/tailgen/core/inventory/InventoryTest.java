package dev.tailgen.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.inventory.Inventory.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryTest {
    private static final String HOST = "api.tail-xxxxx.ts.net";

    @ParameterizedTest(name = "{0}/{1} {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "http   | 8080 | TCP | http://api.tail-xxxxx.ts.net:8080",
            "-      | 80   | TCP | http://api.tail-xxxxx.ts.net",
            "https  | 443  | TCP | https://api.tail-xxxxx.ts.net",
            "web    | 8443 | TCP | https://api.tail-xxxxx.ts.net:8443",
            "https-admin | 9443 | TCP | https://api.tail-xxxxx.ts.net:9443",
            "http-metrics | 9090 | TCP | http://api.tail-xxxxx.ts.net:9090",
            "postgres | 5432 | TCP | api.tail-xxxxx.ts.net:5432",
            "dns    | 53   | UDP | api.tail-xxxxx.ts.net:53 (UDP)"})
    void aServicePortGivesTheAddressADeveloperTypes(String name, int port, String protocol, String expected) {
        assertThat(EndpointUrls.forPort(HOST, new Port(name, port, port, protocol, null))).isEqualTo(expected);
    }

    @Test
    void anIngressIsHttpsPerPath() {
        assertThat(EndpointUrls.forIngress("dashboard.tail-xxxxx.ts.net", List.of("/", "/api")))
                .containsExactly("https://dashboard.tail-xxxxx.ts.net", "https://dashboard.tail-xxxxx.ts.net/api");
    }

    @Test
    void warnsFromEightyDevicesAndAboveTheFreePlan() {
        assertThat(withDevices(79).deviceWarning()).isNull();
        assertThat(withDevices(80).deviceWarning())
                .isEqualTo("this config creates 80 tailnet devices, near the 100 of Tailscale's free plan (other machines on the tailnet count too)");
        assertThat(withDevices(100).deviceWarning()).startsWith("this config creates 100 tailnet devices, near");
        assertThat(withDevices(101).deviceWarning())
                .isEqualTo("this config creates 101 tailnet devices, more than the 100 of Tailscale's free plan: the tailnet needs a paid plan");
    }

    @Test
    void theReportShowsTheWarning() {
        assertThat(InventoryReport.write(withDevices(90), "tailscale.yaml", "mvn tailscale:generate"))
                .contains("> **Warning:** this config creates 90 tailnet devices, near the 100 of Tailscale's free plan");
    }

    private static Inventory withDevices(int n) {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            devices.add(new Device("d" + i, "d" + i + ".tail-xxxxx.ts.net", i == 0 ? "operator" : "service proxy", "Service default/d" + i, List.of("tag:k8s")));
        }
        return new Inventory("test", "tail-xxxxx.ts.net", "v1.2.3", List.of(), List.of(), List.of(), List.of(), devices, List.of(),
                Inventory.ApiServerSection.NONE, Inventory.NetworkPolicySection.NONE, List.of(), null, Inventory.ProxyClassSection.NONE);
    }
}
