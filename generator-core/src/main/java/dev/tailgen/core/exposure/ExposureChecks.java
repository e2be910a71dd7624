package dev.tailgen.core.exposure;

import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.exposure.Exposure.Connector;
import dev.tailgen.core.exposure.Exposure.EgressTarget;
import dev.tailgen.core.exposure.Exposure.ExposedIngress;
import dev.tailgen.core.exposure.Exposure.ExposedService;
import dev.tailgen.core.exposure.Exposure.Port;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.problem.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rules across items that no schema can state: one tailnet, one name; routes without host bits;
 * ingress backends that name a port their Service has; a fixed nodePort only for one port; no
 * object generated twice. Each problem points at the key to change.
 */
public final class ExposureChecks {
    private final ConfigDocument doc;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ExposureChecks(ConfigDocument doc) {
        this.doc = doc;
    }

    public static void check(ConfigDocument doc, Exposure exposure, String operatorHostname) {
        ExposureChecks checks = new ExposureChecks(doc);
        checks.uniqueHostnames(exposure, operatorHostname);
        checks.routes(exposure.connectors());
        checks.backends(exposure);
        checks.nodePorts(exposure.services());
        checks.uniqueObjects(exposure);
        if (!checks.problems.isEmpty()) {
            throw new ConfigException(checks.problems);
        }
    }

    private void uniqueHostnames(Exposure e, String operatorHostname) {
        Map<String, String> taken = new HashMap<>();
        boolean operatorExplicit = doc.tree().path("operator").has("hostname");
        claim(taken, operatorHostname, operatorExplicit ? "/operator/hostname" : "/operator", operatorExplicit ? null : "tailscale-operator");
        for (ExposedService s : e.services()) {
            claimItem(taken, s.hostname(), s.pointer(), "<namespace>-<name>");
        }
        for (ExposedIngress g : e.ingresses()) {
            claimItem(taken, g.hostname(), g.pointer(), "<namespace>-<name>-ingress");
        }
        for (Connector c : e.connectors()) {
            String where = c.hostname() != null ? c.pointer() + "/hostname"
                    : c.hostnamePrefix() != null ? c.pointer() + "/hostnamePrefix" : c.pointer() + "/name";
            String defaultForm = c.hostname() != null || c.hostnamePrefix() != null ? null
                    : c.deviceNames().size() == 1 ? "<name>-connector" : "<name>-connector-<replica>";
            for (String device : c.deviceNames()) {
                claim(taken, device, where, defaultForm);
            }
        }
        for (EgressTarget t : e.egress()) {
            claim(taken, t.deviceName(), t.pointer(), "<namespace>-<name> of its egress proxy");
        }
    }

    private void claimItem(Map<String, String> taken, String hostname, String item, String defaultForm) {
        String pointer = item + "/hostname";
        boolean explicit = !doc.tree().at(pointer).isMissingNode();
        claim(taken, hostname, explicit ? pointer : item, explicit ? null : defaultForm);
    }

    /** @param defaultForm how the operator derived the name when the user did not set it, else null */
    private void claim(Map<String, String> taken, String hostname, String pointer, String defaultForm) {
        String first = taken.putIfAbsent(hostname, pointer);
        if (first != null && !first.equals(pointer)) {
            add(pointer, (defaultForm == null ? "" : "default ") + "tailnet device name \"" + hostname + "\""
                    + (defaultForm == null ? "" : " (" + defaultForm + ")") + " is already taken by " + describe(first)
                    + "; every device on the tailnet needs its own name");
        }
    }

    private void routes(List<Connector> connectors) {
        for (Connector c : connectors) {
            for (int i = 0; i < c.routes().size(); i++) {
                String route = c.routes().get(i);
                if (Cidr.hasHostBits(route)) {
                    add(c.pointer() + "/routes/" + i, "route " + route + " has host bits set; write the network address: " + Cidr.canonical(route));
                }
            }
        }
    }

    private void backends(Exposure e) {
        for (ExposedIngress g : e.ingresses()) {
            ExposedService s = Exposure.backendService(e.services(), g.namespace(), g.backendService());
            if (s != null && s.ports().stream().noneMatch(p -> p.isReferencedBy(g.backendPort()))) {
                add(g.pointer() + "/backend/port", "service \"" + g.backendService() + "\" in namespace " + g.namespace()
                        + " (" + describe(s.pointer()) + ") has no port " + quoteName(g.backendPort()) + "; its ports: " + ports(s.ports()));
            }
        }
    }

    private void nodePorts(List<ExposedService> services) {
        for (ExposedService s : services) {
            if (s.publicNodePort() != null && s.ports().size() != 1) {
                add(s.pointer() + "/public/nodePort", "a fixed nodePort needs a service with exactly one port (this one has "
                        + s.ports().size() + "); remove nodePort and let Kubernetes pick one per port");
            }
        }
    }

    private void uniqueObjects(Exposure e) {
        Map<String, String> seen = new HashMap<>();
        for (ExposedService s : e.services()) {
            object(seen, "Service", s.namespace(), s.name(), s.pointer() + "/name");
            if (s.publicName() != null) {
                object(seen, "Service", s.namespace(), s.publicName(), s.pointer() + "/public/name");
            }
        }
        for (EgressTarget t : e.egress()) {
            object(seen, "Service", t.namespace(), t.name(), t.pointer() + "/name");
        }
        for (ExposedIngress g : e.ingresses()) {
            object(seen, "Ingress", g.namespace(), g.name(), g.pointer() + "/name");
        }
        for (Connector c : e.connectors()) {
            object(seen, "Connector", "", c.name(), c.pointer() + "/name");
        }
    }

    private void object(Map<String, String> seen, String kind, String ns, String name, String pointer) {
        String first = seen.putIfAbsent(kind + "/" + ns + "/" + name, pointer);
        if (first != null) {
            add(pointer, kind + " " + (ns.isEmpty() ? "" : ns + "/") + name + " is already generated by " + describe(first)
                    + "; names must be unique" + (ns.isEmpty() ? "" : " per namespace"));
        }
    }

    /** {@code services[0] at line 58}: the config path and where it is. */
    private String describe(String pointer) {
        String itemPointer = pointer.replaceFirst("^(/[^/]+/[0-9]+).*$", "$1");
        SourceLocation loc = doc.sourceMap().valueAt(itemPointer);
        return ConfigPath.fromPointer(itemPointer) + (loc.known() ? " at line " + loc.line() : "");
    }

    private static String quoteName(Object port) {
        return port instanceof Integer ? port.toString() : "\"" + port + "\"";
    }

    private static String ports(List<Port> ports) {
        StringJoiner sj = new StringJoiner(", ");
        for (Port p : ports) {
            sj.add(p.port() + (p.name() == null ? "" : " (" + p.name() + ")"));
        }
        return sj.toString();
    }

    private void add(String pointer, String message) {
        problems.add(doc.problemAt(pointer, message));
    }
}
