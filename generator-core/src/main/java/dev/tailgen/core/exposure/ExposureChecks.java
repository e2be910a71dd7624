package dev.tailgen.core.exposure;

import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.problem.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules across items that no schema can state: ProxyClasses defined where named; one tailnet, one
 * name; no object generated twice; then each section's own rules ({@link Section#check}). Each problem points at the key to change.
 */
public final class ExposureChecks {
    private ExposureChecks() {
    }

    /** Collects problems, each at a config key; items are described as {@code services[0] at line 58}. */
    public static final class Problems {
        private final ConfigDocument doc;
        private final List<ConfigProblem> problems = new ArrayList<>();

        Problems(ConfigDocument doc) {
            this.doc = doc;
        }

        public void add(String pointer, String message) {
            problems.add(doc.problemAt(pointer, message));
        }

        /** {@code services[0] at line 58}: the config path of the item holding {@code pointer}, and where it is. */
        public String describe(String pointer) {
            String itemPointer = pointer.replaceFirst("^(/[^/]+/[0-9]+).*$", "$1");
            ConfigDocument.Origin origin = doc.valueOrigin(itemPointer);
            String file = origin.file().equals(doc.displayName()) ? "" : " of " + origin.file(); // set in a base
            return ConfigPath.fromPointer(itemPointer) + (origin.location().known() ? " at line " + origin.location().line() + file : "");
        }
    }

    public static void check(ConfigDocument doc, TailscaleConfig config, Exposure exposure, String operatorHostname) {
        Problems problems = new Problems(doc);
        ProxyClassChecks.check(doc, config, exposure, problems);
        Map<String, String> devices = uniqueHostnames(doc, problems, exposure, operatorHostname);
        uniqueTailscaleServices(doc, problems, exposure, devices);
        exposure.parts().forEach(part -> part.check(exposure, problems));
        uniqueObjects(problems, exposure);
        if (!problems.problems.isEmpty()) {
            throw new ConfigException(problems.problems);
        }
    }

    /** Warnings for the build log about things that work but deserve a look. */
    public static List<String> warnings(ConfigDocument doc, Exposure exposure) {
        List<String> out = new ArrayList<>(ProxyClassChecks.warnings(doc));
        exposure.parts().forEach(part -> out.addAll(part.warnings(exposure)));
        return out;
    }

    /** @return each device name and the key that sets it */
    private static Map<String, String> uniqueHostnames(ConfigDocument doc, Problems problems, Exposure e, String operatorHostname) {
        Map<String, String> taken = new HashMap<>();
        boolean operatorExplicit = doc.tree().path("operator").has("hostname");
        claim(problems, taken, operatorHostname, operatorExplicit ? "/operator/hostname" : "/operator",
                operatorExplicit ? null : "tailscale-operator");
        for (Exposed item : e.items()) {
            for (Exposed.Device device : item.devices()) {
                claim(problems, taken, device.name(), device.pointer(), device.defaultForm());
            }
        }
        return taken;
    }

    /**
     * One owner per Tailscale Service name across Services, Ingresses, gateways and API server groups (the
     * operator catches duplicates only within one kind: op/svc-for-pg.go, op/ingress-for-pg.go), and no
     * device of the same name: both would answer {@code <name>.<tailnet>}.
     */
    private static void uniqueTailscaleServices(ConfigDocument doc, Problems problems, Exposure e, Map<String, String> devices) {
        Map<String, String> taken = new HashMap<>();
        for (Exposed item : e.items()) {
            for (String service : item.tailscaleServices()) {
                String pointer = nameKey(doc, item.pointer());
                String first = taken.putIfAbsent(service, pointer);
                String host = ProxyGroupsSection.serviceHost(service);
                if (first != null) {
                    problems.add(pointer, "Tailscale Service \"" + service + "\" is already served by " + problems.describe(first)
                            + "; each Tailscale Service name has one owner: choose another hostname");
                } else if (devices.containsKey(host)) {
                    problems.add(pointer, "Tailscale Service \"" + service + "\" has the name of the tailnet device of "
                            + problems.describe(devices.get(host)) + ", and both would answer " + host + " in MagicDNS; choose another hostname");
                }
            }
        }
    }

    /** The key that names an item's Tailscale Service: its hostname, a kube-apiserver group's hostname, else the item. */
    private static String nameKey(ConfigDocument doc, String itemPointer) {
        for (String key : List.of("/hostname", "/kubeAPIServer/hostname")) {
            if (!doc.tree().at(itemPointer + key).isMissingNode()) {
                return itemPointer + key;
            }
        }
        return itemPointer;
    }

    /** @param defaultForm how the operator derived the name when the user did not set it, else null */
    private static void claim(Problems problems, Map<String, String> taken, String hostname, String pointer, String defaultForm) {
        String first = taken.putIfAbsent(hostname, pointer);
        if (first != null && !first.equals(pointer)) {
            problems.add(pointer, (defaultForm == null ? "" : "default ") + "tailnet device name \"" + hostname + "\""
                    + (defaultForm == null ? "" : " (" + defaultForm + ")") + " is already taken by " + problems.describe(first)
                    + "; every device on the tailnet needs its own name");
        }
    }

    private static void uniqueObjects(Problems problems, Exposure e) {
        Map<String, String> seen = new HashMap<>();
        Set<String> adopted = new HashSet<>();
        for (Exposed item : e.items()) {
            for (Exposed.GeneratedObject o : item.objects()) {
                String ns = o.namespace();
                if (o.adopted()) {
                    adopted.add(o.pointer());
                }
                String first = seen.putIfAbsent(o.kind() + "/" + ns + "/" + o.name(), o.pointer());
                if (first != null) {
                    problems.add(o.pointer(), o.kind() + " " + (ns.isEmpty() ? "" : ns + "/") + o.name() + " is already "
                            + (adopted.contains(first) ? "adopted" : "generated") + " by "
                            + problems.describe(first) + "; names must be unique" + (ns.isEmpty() ? "" : " per namespace"));
                }
            }
        }
    }
}
