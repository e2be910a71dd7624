package dev.tailgen.core.policy;

import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.config.TailscaleConfig.Acl;
import dev.tailgen.core.config.ConfigPath;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.SubnetRoutersSection;
import dev.tailgen.core.inventory.Inventory.Access;
import dev.tailgen.core.inventory.Inventory.Endpoint;
import dev.tailgen.core.operator.OperatorInstall;
import dev.tailgen.core.output.JsonText;
import dev.tailgen.core.output.OutputLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tailnet policy step: builds the fragment, cross-checks it against the cluster, derives the
 * access matrix, and writes HuJSON (JSON with comments; the fragment itself is plain JSON so it
 * pastes anywhere).
 *
 * @param hujson   policy/tailnet-policy.hujson
 * @param warnings formatted warnings for the build log
 * @param access   the access matrix for the report
 */
public record TailnetPolicy(String hujson, List<String> warnings, List<Access> access) {
    public static TailnetPolicy generate(ConfigDocument doc, String configName, Acl acl, OperatorInstall install,
            Exposure exposure, List<Endpoint> endpoints, ApiServerAccess apiAccess, String tailnetDomain) {
        ClusterTags tags = ClusterTags.of(install, exposure);
        TailnetPolicyBuilder builder = new TailnetPolicyBuilder(acl, tags, exposure, endpoints, apiAccess);
        Map<String, List<String>> tagOwners = builder.tagOwners();
        List<String> warnings = PolicyChecks.check(doc, acl, tagOwners, endpoints, apiAccess.sources(), appConnectorTags(exposure));
        return new TailnetPolicy(header(configName) + JsonText.write(builder.build(), OutputLayout.POLICY), warnings,
                AccessMatrix.of(acl, endpoints, apiAccess.accessRows(tailnetDomain)));
    }

    /** Each app connector (subnetRouters[] with appConnector) and its tags, by config path. */
    private static Map<String, List<String>> appConnectorTags(Exposure exposure) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (SubnetRoutersSection.Connector c : exposure.of(SubnetRoutersSection.INSTANCE)) {
            if (c.appConnector()) {
                out.put(ConfigPath.fromPointer(c.pointer()) + " (" + c.object() + ")", c.tags());
            }
        }
        return out;
    }

    private static String header(String configName) {
        return """
                // Tailnet policy FRAGMENT generated from %s by tailscale-maven-plugin. Do not edit: change the config.
                // This is not a whole policy: merge each section into your tailnet policy file (admin console >
                // Access controls, or your GitOps policy), next to your own entries. tagOwners lets the operator
                // (its OAuth client's tags) create every proxy and Connector tag; autoApprovers approves the
                // Connector routes and exit nodes; tests fail the policy save if a rule stops granting what the
                // config declares, or if a group with no rule can reach the cluster's exposures.
                """.formatted(configName);
    }
}
