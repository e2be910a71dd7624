package dev.tailgen.core.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.policy.TailnetPolicyTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** subnetRouters[].appConnector and acl.appConnectors: the Connector, the nodeAttr, the route approvals and the checks, verbatim. */
class AppConnectorsTest {
    static final String APP = TestConfigs.MINIMAL + """
            subnetRouters:
              - name: apps
                appConnector: {routes: [10.0.20.0/24]}
                tags: [tag:app-connector]
            acl:
              appConnectors:
                - name: github
                  connectors: [tag:app-connector]
                  domains: [github.com, "*.github.com"]
                  routes: [192.0.2.0/24]
            """;

    /** Connector spec.appConnector (api/types_connector.go); the nodeAttr as types/appctype/appconnector.go:AppConnectorAttr reads it. */
    @Test
    void rendersTheConnectorTheNodeAttrAndTheRouteApprovals(@TempDir Path dir) throws Exception {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, APP)).render();
        JsonNode connector = TestConfigs.documents(result, "manifests/tailscale-subnet-routers.yaml").get(0);
        assertThat(connector.path("spec").toString()).isEqualTo("{\"appConnector\":{\"routes\":[\"10.0.20.0/24\"]},\"tags\":[\"tag:app-connector\"]}");
        JsonNode policy = TailnetPolicyTest.HUJSON.readTree(TestConfigs.text(result, "policy/tailnet-policy.hujson"));
        assertThat(policy.path("nodeAttrs").toString()).isEqualTo("[{\"target\":[\"*\"],\"app\":{\"tailscale.com/app-connectors\":"
                + "[{\"name\":\"github\",\"connectors\":[\"tag:app-connector\"],\"domains\":[\"github.com\",\"*.github.com\"],"
                + "\"routes\":[\"192.0.2.0/24\"]}]}}]");
        assertThat(policy.path("autoApprovers").toString())
                .isEqualTo("{\"routes\":{\"10.0.20.0/24\":[\"tag:app-connector\"],\"192.0.2.0/24\":[\"tag:app-connector\"]}}");
        assertThat(result.warnings()).isEmpty();
    }

    /** The Connector CRD's CEL rule: appConnector is mutually exclusive with exitNode and subnetRouter. */
    @Test
    void anAppConnectorWithRoutesOrAnExitNodeIsRefused(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, APP.replace("    appConnector: {routes: [10.0.20.0/24]}\n",
                "    appConnector: {routes: [10.0.20.0/24]}\n    routes: [10.1.0.0/16]\n    exitNode: true\n"),
                "tailscale.yaml:17:19: subnetRouters[0].appConnector: appConnector excludes routes and exitNode (the Connector CRD refuses"
                        + " them together); keep the app connector here and make a second subnetRouters entry for the routes and the exit node");
    }

    @Test
    void anAppWhoseConnectorTagNothingCarriesIsRefused(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, APP.replace("connectors: [tag:app-connector]", "connectors: [tag:github]"),
                "tailscale.yaml:22:20: acl.appConnectors[0].connectors[0]: tag \"tag:github\" is carried by no generated object and has no"
                        + " owner in acl.tagOwners; use one of: tag:k8s-operator, tag:k8s, tag:app-connector, or add \"tag:github\" to"
                        + " acl.tagOwners if other tailnet devices carry it");
    }

    @Test
    void anAppConnectorThatNoAppNamesIsAWarning(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, APP.substring(0, APP.indexOf("acl:\n")))).render();
        assertThat(result.warnings()).containsExactly("subnetRouters[0] (Connector apps) is an app connector, but no acl.appConnectors"
                + " entry names its tags (tag:app-connector), so it serves no domain; add an entry with connectors: [tag:app-connector]");
    }
}
