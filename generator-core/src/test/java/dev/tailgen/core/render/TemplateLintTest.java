package dev.tailgen.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Strict templates: every interpolation quoted, every branch renders, unknown names fail. */
class TemplateLintTest {
    static final Path TEMPLATES = Path.of("..", "templates");
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile(".*\\|\\s*(q|json)\\s*");
    private static final Pattern EXPRESSION_OR_TAG = Pattern.compile("\\{[{%](.*?)[%}]}", Pattern.DOTALL);
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_]\\w*)");

    @Test
    void everyInterpolationEndsInAQuotingFilter() throws IOException {
        List<String> unquoted = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = EXPRESSION.matcher(Files.readString(t, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!QUOTED.matcher(m.group(1)).matches()) {
                    unquoted.add(TEMPLATES.relativize(t) + ": {{" + m.group(1) + "}}");
                }
            }
        }
        assertThat(templates()).isNotEmpty();
        assertThat(unquoted).as("interpolations without | q or | json").isEmpty();
    }

    /**
     * Jinjava's optimized filter chains (which we render with) turn an unknown filter into null
     * instead of an error, so the templates may name no filter but ours.
     */
    @Test
    void everyFilterIsOneOfOurs() throws IOException {
        List<String> others = new ArrayList<>();
        for (Path t : templates()) {
            Matcher expression = EXPRESSION_OR_TAG.matcher(Files.readString(t, StandardCharsets.UTF_8));
            while (expression.find()) {
                Matcher filter = FILTER.matcher(expression.group(1));
                while (filter.find()) {
                    if (!List.of("q", "json").contains(filter.group(1))) {
                        others.add(TEMPLATES.relativize(t) + ": | " + filter.group(1));
                    }
                }
            }
        }
        assertThat(others).as("filters other than q and json").isEmpty();
    }

    /** Validation mode evaluates the branches not taken too, so a typo in any branch fails here. */
    @Test
    void everyTemplateRendersInValidationModeWithEveryBranch() throws IOException {
        TemplateRenderer lint = new TemplateRenderer(true);
        for (Path t : templates()) {
            String name = TEMPLATES.relativize(t).toString().replace('\\', '/');
            for (boolean flag : new boolean[] {true, false}) {
                String out = lint.render(name, maximalContext(flag));
                assertThat(out).as(name).isNotBlank();
            }
        }
    }

    @Test
    void unknownVariableFails() {
        Map<String, Object> context = maximalContext(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> op = (Map<String, Object>) context.get("op");
        op.remove("namespace");
        assertThatThrownBy(() -> new TemplateRenderer().render("operator/serviceaccounts.yaml.j2", context))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("template operator/serviceaccounts.yaml.j2 failed to render: line 5: FATAL");
    }

    @Test
    void valuesAreNotInterpretedAsTemplateCode() {
        Map<String, Object> context = maximalContext(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> op = (Map<String, Object>) context.get("op");
        op.put("ingressClassName", "{{ op.namespace }}\nkind: Secret");
        String out = new TemplateRenderer().render("operator/ingressclass.yaml.j2", context);
        assertThat(out).contains("name: \"{{ op.namespace }}\\nkind: Secret\"");
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            return walk.filter(p -> p.toString().endsWith(".j2")).sorted().toList();
        }
    }

    /** Every variable any template reads, with every boolean set to {@code flag}. */
    static Map<String, Object> maximalContext(boolean flag) {
        Map<String, Object> op = new HashMap<>();
        op.put("namespace", "tailscale");
        op.put("hostname", "tailscale-operator");
        op.put("tagsCsv", "tag:k8s-operator");
        op.put("logging", "info");
        op.put("loginServer", "");
        op.put("image", "tailscale/k8s-operator:v0.0.1");
        op.put("proxyImage", "tailscale/tailscale:v0.0.1");
        op.put("proxyTagsCsv", "tag:k8s");
        op.put("firewallMode", "auto");
        op.put("hasDefaultProxyClass", flag);
        op.put("defaultProxyClass", "pc");
        op.put("ingressClassName", "tailscale");
        op.put("apiServerProxyMode", "true");
        op.put("inProcessAuthProxy", flag);
        op.put("workloadIdentity", flag);
        op.put("wifClientId", "cid");
        op.put("wifAudience", "aud");
        op.put("oauthVolume", Map.of("name", "oauth", "secret", Map.of("secretName", "operator-oauth")));
        op.put("hasNodeSelector", flag);
        op.put("nodeSelector", Map.of("kubernetes.io/os", "linux"));
        op.put("hasResources", flag);
        op.put("metricsPort", flag);
        op.put("resources", Map.of("requests", Map.of("cpu", "50m")));
        List<Map<String, Object>> rules = List.of(Map.of("apiGroups", List.of(""), "resources", List.of("pods"), "verbs", List.of("get")));
        op.put("clusterRoleRules", rules);
        op.put("operatorRoleRules", rules);
        op.put("proxiesRoleRules", rules);
        op.put("serviceAccountNameEnv", flag);
        Map<String, String> annotations = flag ? Map.of("example.com/a", "1") : Map.of();
        op.put("deploymentAnnotations", annotations);
        op.put("podAnnotations", annotations);
        op.put("podLabels", flag ? Map.of("team", "network") : Map.of());
        op.put("serviceAccountAnnotations", annotations);
        op.put("tolerations", flag ? List.of(Map.of("operator", "Exists")) : List.of());
        op.put("affinity", flag ? Map.of("nodeAffinity", Map.of()) : Map.of());
        op.put("podSecurityContext", flag ? Map.of("runAsNonRoot", true) : Map.of());
        op.put("securityContext", flag ? Map.of("readOnlyRootFilesystem", true) : Map.of());
        op.put("extraEnv", flag ? List.of(Map.of("name", "A", "value", "b")) : List.of());
        op.put("priorityClassName", flag ? "system-cluster-critical" : "");
        Map<String, Object> secret = Map.of("name", "operator-oauth", "namespace", "tailscale", "clientId", "id", "clientSecret", "s");
        Map<String, Object> labels = Map.of("app.kubernetes.io/managed-by", "tailscale-maven-plugin");
        Map<String, Object> svc = new HashMap<>(Map.of("name", "web", "namespace", "default", "labels", labels,
                "annotations", Map.of("tailscale.com/expose", "true"), "type", "ClusterIP", "loadBalancer", flag,
                "selector", Map.of("app", "web"), "ports", List.of(Map.of("port", 80))));
        svc.putAll(Map.of("publicName", "web-public", "publicLabels", labels, "publicPorts", List.of(Map.of("port", 80))));
        Map<String, Object> context = new HashMap<>();
        context.put("op", op);
        context.put("secret", secret);
        context.put("svc", svc);
        context.put("ing", Map.of("name", "i", "namespace", "default", "labels", labels, "annotations", Map.of(),
                "ingressClassName", "tailscale", "hostname", "dash", "paths", List.of(Map.of("path", "/"))));
        context.put("con", Map.of("name", "c", "labels", labels, "spec", Map.of("exitNode", true)));
        context.put("egress", Map.of("name", "nas", "namespace", "backup", "labels", labels,
                "annotations", Map.of("tailscale.com/tailnet-ip", "100.64.0.1"), "hasPorts", flag, "ports", List.of(Map.of("port", 445))));
        context.put("gw", Map.of("name", "tailnet", "namespace", "networking", "labels", labels, "hasAnnotations", flag,
                "annotations", Map.of("a", "b"), "gatewayClassName", "cilium",
                "infrastructureAnnotations", Map.of("tailscale.com/hostname", "edge"), "listeners", List.of(Map.of("name", "http"))));
        context.put("pc", Map.of("name", "tailscale-default", "labels", labels, "spec", Map.of()));
        context.put("pg", Map.of("name", "ingress", "labels", labels, "spec", Map.of("type", "ingress", "replicas", 2)));
        context.put("b", Map.of("name", "tailscale-access-view", "labels", labels, "clusterRole", "view",
                "subjects", List.of(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Group", "name", "readers"))));
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", "plex");
        patch.put("namespace", "media");
        patch.put("labels", labels);
        patch.put("hasLabels", flag);
        patch.put("annotations", labels);
        patch.put("hasAnnotations", flag);
        patch.put("loadBalancer", flag);
        patch.put("ingressClassName", "tailscale");
        patch.put("hostname", "plex");
        context.put("p", patch);
        context.put("es", Map.of("name", "operator-oauth", "namespace", "tailscale", "refreshInterval", "1h", "store", labels,
                "data", List.of(labels)));
        context.put("dp", Map.of("image", "ghcr.io/squat/generic-device-plugin:0.2.0", "domain", "devic.es", "labels", labels,
                "selector", labels));
        context.put("mon", Map.of("namespace", "tailscale", "labels", labels, "selector", labels));
        context.put("np", Map.of("name", "tailscale-operator-egress", "namespace", "tailscale", "purpose", "operator-egress",
                "spec", Map.of("podSelector", Map.of())));
        context.put("ns", Map.of("name", "backup", "labels", labels));
        return context;
    }
}
