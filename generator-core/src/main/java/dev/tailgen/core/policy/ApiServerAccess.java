package dev.tailgen.core.policy;

import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.ExposureTemplates;
import dev.tailgen.core.exposure.ProxyGroupsSection;
import dev.tailgen.core.inventory.Inventory.Access;
import dev.tailgen.core.inventory.Inventory.ApiAccessEntry;
import dev.tailgen.core.inventory.Inventory.ApiServerProxyEntry;
import dev.tailgen.core.inventory.Inventory.ApiServerSection;
import dev.tailgen.core.operator.OperatorInstall;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.render.TemplateCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kubectl over the tailnet: the API server proxies (the operator's in-process proxy, kube-apiserver
 * ProxyGroups) and {@code apiServerProxy.access[]}. In auth mode a proxy impersonates the caller
 * with the groups of every grant carrying app {@value #CAPABILITY} (k8s-operator/api-proxy/proxy.go:
 * addImpersonationHeaders), so each entry becomes one grant to the auth proxies' tags on tcp:443, and
 * each clusterRole one ClusterRoleBinding of those groups (op/e2e/proxy_test.go binds Group subjects).
 */
public final class ApiServerAccess {
    /** The grant app the API server proxy reads (kube/kubetypes/grants.go). */
    public static final String CAPABILITY = "tailscale.com/cap/kubernetes";
    static final String BINDING_PREFIX = "tailscale-access-";
    private static final String ACCESS = "/apiServerProxy/access";

    /**
     * @param host   its MagicDNS host: the operator's hostname, or the group's Tailscale Service name
     * @param mode   auth or noauth
     * @param pointer where the config turns it on
     */
    record Proxy(String host, String object, String mode, List<String> tags, String pointer) {
        boolean auth() {
            return mode.equals("auth");
        }
    }

    record Entry(int index, List<String> src, List<String> groups, String clusterRole) {
        String pointer() {
            return ACCESS + "/" + index;
        }
    }

    private final String inProcessMode;
    private final List<Proxy> proxies;
    private final List<Entry> entries;

    private ApiServerAccess(String inProcessMode, List<Proxy> proxies, List<Entry> entries) {
        this.inProcessMode = inProcessMode;
        this.proxies = proxies;
        this.entries = entries;
    }

    public static ApiServerAccess of(TailscaleConfig config, OperatorInstall install, Exposure exposure) {
        List<Proxy> proxies = new ArrayList<>();
        String mode = install.apiServerProxyMode();
        if (!mode.equals("false")) {
            proxies.add(new Proxy(install.hostname(), "Deployment " + install.namespace() + "/operator (in-process proxy)",
                    mode.equals("true") ? "auth" : "noauth", install.tags(), "/apiServerProxy/mode"));
        }
        for (ProxyGroupsSection.Group g : exposure.of(ProxyGroupsSection.INSTANCE)) {
            if (g.isApiServerProxy()) {
                proxies.add(new Proxy(g.serviceHost(), g.object(), g.apiServerMode(), g.tags(), g.pointer()));
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<TailscaleConfig.ApiAccess> in = config.apiServerProxy() == null || config.apiServerProxy().access() == null ? List.of()
                : config.apiServerProxy().access();
        for (int i = 0; i < in.size(); i++) {
            TailscaleConfig.ApiAccess a = in.get(i);
            entries.add(new Entry(i, List.copyOf(a.src()), List.copyOf(a.groups()), a.clusterRole()));
        }
        return new ApiServerAccess(mode, List.copyOf(proxies), List.copyOf(entries));
    }

    /** access[] needs a proxy that impersonates: noauth passes the client's own credentials, so a grant's groups mean nothing there. */
    public void check(ConfigDocument doc) {
        if (entries.isEmpty()) {
            return;
        }
        List<ConfigProblem> problems = new ArrayList<>();
        if (inProcessMode.equals("noauth")) {
            problems.add(doc.problemAt("/apiServerProxy/mode", "apiServerProxy.mode \"noauth\" passes each client's own Kubernetes"
                    + " credentials through and impersonates nobody, so apiServerProxy.access (groups to impersonate) would grant"
                    + " nothing; use mode \"true\" (auth mode), or remove access and authenticate clients yourself"));
        } else if (proxies.isEmpty()) {
            problems.add(doc.problemAt(ACCESS, "apiServerProxy.access needs an API server proxy, and none is configured; set"
                    + " apiServerProxy.mode: \"true\" (the operator's in-process proxy) or add a proxyGroups entry of type kube-apiserver"));
        } else if (proxies.stream().noneMatch(Proxy::auth)) {
            problems.add(doc.problemAt(ACCESS, "every API server proxy here runs in noauth mode ("
                    + String.join(", ", proxies.stream().map(Proxy::object).toList()) + "), which passes each client's own Kubernetes"
                    + " credentials through and impersonates nobody, so access would grant nothing; set kubeAPIServer.mode: auth"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** The tags the grants reach: those of every proxy in auth mode. */
    private List<String> destinations() {
        Set<String> tags = new LinkedHashSet<>();
        proxies.stream().filter(Proxy::auth).forEach(p -> tags.addAll(p.tags()));
        return List.copyOf(tags);
    }

    /** One grant per entry (tailnet policy grants: src, dst, ip, app). */
    List<Map<String, Object>> grants() {
        List<Map<String, Object>> grants = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> grant = new LinkedHashMap<>();
            grant.put("src", e.src());
            grant.put("dst", destinations());
            grant.put("ip", List.of("tcp:443"));
            grant.put("app", Map.of(CAPABILITY, List.of(Map.of("impersonate", Map.of("groups", e.groups())))));
            grants.add(grant);
        }
        return grants;
    }

    /** Sources and their config keys, for the same checks as rule sources. */
    Map<String, List<String>> sources() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.put(e.pointer() + "/src", e.src());
        }
        return out;
    }

    /** {@code tag:x:443} of the first auth proxy's tag: what a test asserts each source reaches. */
    String testDestination() {
        List<String> dst = destinations();
        return dst.isEmpty() ? null : dst.get(0) + ":443";
    }

    /** One ClusterRoleBinding per clusterRole, with every group bound to it as a Group subject, in config order. */
    public List<TemplateCall> bindings() {
        Map<String, Set<String>> byRole = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.clusterRole() != null) {
                byRole.computeIfAbsent(e.clusterRole(), r -> new LinkedHashSet<>()).addAll(e.groups());
            }
        }
        List<TemplateCall> calls = new ArrayList<>();
        byRole.forEach((role, groups) -> {
            List<Map<String, Object>> subjects = new ArrayList<>();
            for (String group : groups) {
                Map<String, Object> subject = new LinkedHashMap<>();
                subject.put("apiGroup", "rbac.authorization.k8s.io");
                subject.put("kind", "Group");
                subject.put("name", group);
                subjects.add(subject);
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", bindingName(role));
            model.put("labels", Map.of(ExposureTemplates.MANAGED_BY_LABEL, Exposure.MANAGED_BY));
            model.put("subjects", subjects);
            model.put("clusterRole", role);
            calls.add(new TemplateCall("operator/tailnet-access.yaml.j2", Map.of("b", model)));
        });
        return calls;
    }

    static String bindingName(String clusterRole) {
        return BINDING_PREFIX + clusterRole.replace(':', '.');
    }

    /** The access matrix's rows for the grants: each source reaches each auth proxy on 443. */
    List<Access> accessRows(String tailnetDomain) {
        List<Access> rows = new ArrayList<>();
        for (Entry e : entries) {
            for (String src : e.src()) {
                proxies.stream().filter(Proxy::auth).forEach(p -> rows.add(new Access(src, p.host() + "." + tailnetDomain, "443",
                        "apiServerProxy.access[" + e.index() + "]")));
            }
        }
        return rows;
    }

    /** The report's section: each proxy with its kubeconfig command, then who gets which groups and role. */
    public ApiServerSection section(String tailnetDomain) {
        if (proxies.isEmpty() && entries.isEmpty()) {
            return ApiServerSection.NONE;
        }
        List<ApiServerProxyEntry> out = new ArrayList<>();
        for (Proxy p : proxies) {
            // cmd/tailscale/cli/configure-kube.go: a host or MagicDNS name; Tailscale Service names need a client >= 1.86
            out.add(new ApiServerProxyEntry(p.host() + "." + tailnetDomain, p.object(), p.mode(), p.tags(),
                    "tailscale configure kubeconfig " + p.host()));
        }
        List<String> reached = proxies.stream().filter(Proxy::auth).map(p -> p.host() + "." + tailnetDomain).toList();
        List<ApiAccessEntry> access = new ArrayList<>();
        for (Entry e : entries) {
            access.add(new ApiAccessEntry(e.src(), e.groups(), e.clusterRole(), e.clusterRole() == null ? null
                    : "ClusterRoleBinding " + bindingName(e.clusterRole()), reached));
        }
        return new ApiServerSection(List.copyOf(out), List.copyOf(access));
    }
}
