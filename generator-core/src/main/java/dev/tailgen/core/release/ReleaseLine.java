package dev.tailgen.core.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One operator release line as {@code releases/<line>/release.yaml} describes it: everything the
 * generator renders or checks that differs between lines. Read by {@link ReleaseCatalog}.
 *
 * @param line           {@code v1.2.x}
 * @param defaultVersion the plugin's default {@code operator.version}; set on exactly one line
 * @param tested         patch releases checked against their chart, newest first
 * @param reference      the folder of {@code ../shared/upstream} holding the tested patch's reference data (tests only)
 * @param crds           the line's CRDs, in upstream file-name order
 * @param lacks          config keys this line cannot honour
 */
public record ReleaseLine(
        String line,
        @JsonProperty("default") String defaultVersion,
        List<String> tested,
        String reference,
        Images images,
        List<Crd> crds,
        Rbac rbac,
        Deployment deployment,
        List<Lack> lacks) {

    public ReleaseLine {
        lacks = lacks == null ? List.of() : List.copyOf(lacks); // a line that lacks nothing may leave it out
    }

    public record Images(String operator, String proxy) {
    }

    /** A CustomResourceDefinition of the line. */
    public record Crd(String kind, String plural, String group, String scope, List<String> shortNames) {
        /** {@code connectors.tailscale.com}: the CRD's metadata.name */
        public String name() {
            return plural + "." + group;
        }

        public boolean clusterScoped() {
            return "Cluster".equals(scope);
        }
    }

    /** The rules of ClusterRole tailscale-operator, Role operator and Role proxies, as the chart writes them. */
    public record Rbac(List<Map<String, Object>> clusterRole, List<Map<String, Object>> operatorRole,
            List<Map<String, Object>> proxiesRole) {
    }

    /** What the line's Deployment template renders beyond the part every line shares. */
    public record Deployment(boolean serviceAccountNameEnv) {
    }

    /**
     * A config key the line cannot honour.
     *
     * @param key   a JSON pointer into the config; {@code *} stands for every item of a list ({@code /proxyClasses/*}{@code /userspace})
     * @param since the first release that has it
     * @param why   what the line lacks, completing "v1.2.3 lacks it: ..."
     */
    public record Lack(String key, String since, String why) {
    }
}
