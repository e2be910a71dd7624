package dev.tailgen.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exposures that a config change moves between a proxy of their own and a ProxyGroup, found by
 * comparing the inventory about to be written with the one in the output folder (the committed
 * output). The operator does not move them in place: the standalone proxy's device keeps the name
 * the Tailscale Service needs (op/svc-for-pg.go, op/ingress-for-pg.go provision only objects that
 * carry tailscale.com/proxy-group from the start), so the change must be applied in two steps.
 */
public final class ProxyGroupMoves {
    private static final JsonMapper JSON = new JsonMapper();

    private ProxyGroupMoves() {
    }

    /** @return one warning per moved exposure, in the new inventory's order; none without an earlier inventory */
    public static List<String> against(List<OutputFile> expected, Path outputDirectory) {
        Path previous = outputDirectory.resolve(OutputLayout.INVENTORY);
        OutputFile next = expected.stream().filter(f -> f.path().equals(OutputLayout.INVENTORY)).findFirst().orElse(null);
        if (next == null || !Files.isRegularFile(previous)) {
            return List.of();
        }
        Map<String, String> before;
        try {
            before = groups(JSON.readTree(Files.readString(previous, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return List.of(); // an unreadable earlier inventory: the drift check reports the file itself
        }
        List<String> out = new ArrayList<>();
        try {
            groups(JSON.readTree(next.content())).forEach((object, group) -> {
                if (!before.containsKey(object)) {
                    return;
                }
                String was = before.get(object);
                if (was.isEmpty() && !group.isEmpty()) {
                    out.add(object + " moves from its own proxy to ProxyGroup " + group + ", which the operator does not do in place (the old"
                            + " proxy's device keeps the name the Tailscale Service needs); apply it in two steps: first without its tailscale"
                            + " exposure, and once its proxy is gone, with proxyGroup");
                } else if (!was.isEmpty() && group.isEmpty()) {
                    out.add(object + " moves from ProxyGroup " + was + " to a proxy of its own, which the operator does not do in place (the"
                            + " Tailscale Service keeps the name the device needs); apply it in two steps: first without its tailscale"
                            + " exposure, and once the Tailscale Service is gone, without proxyGroup");
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("the generated " + OutputLayout.INVENTORY + " does not parse", e);
        }
        return out;
    }

    /** Each exposure's object and the ProxyGroup serving it ("" for its own proxy, also in inventories from before ProxyGroups). */
    private static Map<String, String> groups(JsonNode inventory) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode e : inventory.path("exposures")) {
            out.put(e.path("object").asText(), e.path("proxyGroup").asText(""));
        }
        return out;
    }
}
