package dev.tailgen.core.netpol;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.operator.OperatorInstall;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The network-policy step: {@code networkPolicy.provider} picks CiliumNetworkPolicy, plain
 * NetworkPolicy or nothing; both renderers read one {@link PolicyIntent}.
 *
 * @param provider cilium, kubernetes or none
 * @param calls    one template call per policy
 * @param summary  one line per policy for the report: name, namespace, purpose
 * @param warnings things the policies could not cover
 * @param notes    for the report: how the policies treat ProxyGroups
 */
public record NetworkPolicies(String provider, List<TemplateCall> calls, List<String> summary, List<String> warnings, List<String> notes) {
    public static final String CILIUM = "cilium";
    public static final String KUBERNETES = "kubernetes";
    public static final String NONE = "none";

    public static NetworkPolicies of(TailscaleConfig.NetworkPolicy config, OperatorInstall install, Exposure exposure) {
        TailscaleConfig.NetworkPolicy c = config == null ? new TailscaleConfig.NetworkPolicy(null, null, null, null) : config;
        String provider = c.provider() == null ? NONE : c.provider();
        if (provider.equals(NONE)) {
            return new NetworkPolicies(provider, List.of(), List.of(), List.of(), List.of());
        }
        PolicyIntent intent = PolicyIntent.of(c, install, exposure);
        List<PolicyObject> policies = PolicyObject.all(intent, provider.equals(CILIUM) ? new CiliumPolicies() : new KubernetesPolicies());
        String template = provider.equals(CILIUM) ? "netpol/cilium-network-policy.yaml.j2" : "netpol/network-policy.yaml.j2";
        List<TemplateCall> calls = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (PolicyObject p : policies) {
            Map<String, Object> model = new TreeMap<>();
            model.put("name", p.name());
            model.put("namespace", p.namespace());
            model.put("purpose", p.purpose());
            model.put("spec", p.spec());
            calls.add(new TemplateCall(template, Map.of("np", model)));
            summary.add(p.namespace() + "/" + p.name() + ": " + describe(p.purpose()));
        }
        return new NetworkPolicies(provider, calls, summary, intent.warnings(), intent.notes());
    }

    private static String describe(String purpose) {
        return switch (purpose) {
            case "operator-egress" -> "the operator pod may reach only the API server, cluster DNS and the tailnet";
            case "proxies-egress" -> "every proxy pod may reach the API server, cluster DNS and the tailnet";
            case "proxy-egress" -> "this proxy may also reach its backend pods on their target ports";
            case "backend-ingress" -> "the backend pods admit only their own proxy (and everyone on a public twin's ports)";
            case "connector-egress" -> "this Connector may reach its advertised routes";
            default -> purpose;
        };
    }
}
