package dev.tailgen.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.exposure.ExposureRulesTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class TailnetPolicyTest {
    /** HuJSON is JSON with comments and trailing commas (github.com/tailscale/hujson); Jackson reads exactly that with two features. */
    public static final JsonMapper HUJSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    static final String WITH_ACL = ExposureRulesTest.EXPOSED
            .replace("    routes: [10.96.0.0/12]\n", "    routes: [10.96.0.0/12]\n    exitNode: true\n    tags: [tag:k8s-router]\n")
            .replace("    backend: {service: web, port: 443}\n", "    backend: {service: web, port: 443}\n    funnel: true\n    tags: [tag:public]\n")
            + """
            acl:
              groups:
                group:developers: [dev1@example.com]
                group:admins: [admin@example.com]
                group:guests: [guest@example.com]
              tagOwners:
                tag:nas: [group:admins]
              rules:
                - {src: [group:developers], dst: ["tag:prod:8080"]}
                - {src: [group:admins], dst: ["tag:k8s:*", "tag:public:443", "tag:nas:445"]}
            """;

    @Test
    void parsesAsHujsonAndOwnsEveryTagTheObjectsCarry(@TempDir Path dir) throws IOException {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, WITH_ACL)).render();
        JsonNode policy = HUJSON.readTree(TestConfigs.text(result, "policy/tailnet-policy.hujson"));

        Set<String> carried = tagsInManifests(result);
        assertThat(carried).containsExactlyInAnyOrder("tag:k8s-operator", "tag:k8s", "tag:prod", "tag:k8s-router", "tag:public");
        JsonNode owners = policy.path("tagOwners");
        for (String tag : carried) {
            assertThat(owners.has(tag)).as(tag + " has an owner").isTrue();
            if (!tag.equals("tag:k8s-operator")) {
                assertThat(owners.path(tag).toString()).as(tag + " is owned by the operator").contains("\"tag:k8s-operator\"");
            }
        }
        assertThat(owners.path("tag:k8s-operator").size()).isZero();
        assertThat(owners.path("tag:nas").toString()).isEqualTo("[\"group:admins\"]");
        assertThat(policy.path("autoApprovers").toString())
                .isEqualTo("{\"routes\":{\"10.96.0.0/12\":[\"tag:k8s-router\"]},\"exitNode\":[\"tag:k8s-router\"]}");
        assertThat(policy.path("nodeAttrs").toString()).isEqualTo("[{\"target\":[\"tag:public\"],\"attr\":[\"funnel\"]}]");
        assertThat(policy.path("tests").toString()).isEqualTo("[{\"src\":\"dev1@example.com\",\"accept\":[\"tag:prod:8080\"]},"
                + "{\"src\":\"admin@example.com\",\"accept\":[\"tag:k8s:8080\",\"tag:public:443\",\"tag:nas:445\"]},"
                + "{\"src\":\"guest@example.com\",\"deny\":[\"tag:k8s:8080\",\"tag:prod:8080\",\"tag:k8s:443\",\"tag:public:443\"]}]");
        assertThat(TestConfigs.text(result, "policy/tailnet-policy.hujson")).startsWith("// Tailnet policy FRAGMENT");
    }

    @Test
    void theReportHasTheAccessMatrix(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, WITH_ACL)).render();
        assertThat(TestConfigs.text(result, "REPORT.md")).contains("""
                | Who | Reaches | Ports | By |
                | --- | --- | --- | --- |
                | group:developers | `api.tail-xxxxx.ts.net` | 8080 | acl.rules[0] |
                | group:admins | `api.tail-xxxxx.ts.net` | 8080 | acl.rules[1] |
                | group:admins | `web-internal.tail-xxxxx.ts.net` | 443 | acl.rules[1] |
                | group:admins | `dashboard.tail-xxxxx.ts.net` | 443 | acl.rules[1] |
                | group:guests | nothing in this cluster |  |  |
                """);
    }

    static Stream<Arguments> crossChecks() {
        String x = WITH_ACL;
        return Stream.of(
                Arguments.of("rule names an undefined group",
                        x.replace("src: [group:developers]", "src: [group:devs]"),
                        "tailscale.yaml:55:14: acl.rules[0].src[0]: group \"group:devs\" is not defined; define it in acl.groups or use one of: group:admins, group:developers, group:guests"),
                Arguments.of("rule names a tag no object carries",
                        x.replace("\"tag:prod:8080\"", "\"tag:db:5432\""),
                        "tailscale.yaml:55:39: acl.rules[0].dst[0]: tag \"tag:db\" is carried by no generated object and has no owner in acl.tagOwners; use one of: tag:k8s-operator, tag:k8s, tag:prod, tag:public, tag:k8s-router, tag:nas, or add \"tag:db\" to acl.tagOwners if other tailnet devices carry it"),
                Arguments.of("a tag source nobody owns",
                        x.replace("src: [group:developers]", "src: [tag:ci]"),
                        "tailscale.yaml:55:14: acl.rules[0].src[0]: tag \"tag:ci\" is carried by no generated object and has no owner in acl.tagOwners; use one of: tag:k8s-operator, tag:k8s, tag:prod, tag:public, tag:k8s-router, tag:nas, or add \"tag:ci\" to acl.tagOwners if other tailnet devices carry it"),
                Arguments.of("an owner tag that has no owner itself",
                        x.replace("tag:nas: [group:admins]", "tag:nas: [tag:infra]"),
                        "tailscale.yaml:53:15: acl.tagOwners[\"tag:nas\"][0]: tag \"tag:infra\" has no owner, so it cannot own tag:nas; add \"tag:infra\" to acl.tagOwners or use one of: tag:k8s-operator, tag:k8s, tag:prod, tag:public, tag:k8s-router, tag:nas"),
                Arguments.of("an owner group that is not defined",
                        x.replace("tag:nas: [group:admins]", "tag:nas: [group:ops]"),
                        "tailscale.yaml:53:15: acl.tagOwners[\"tag:nas\"][0]: group \"group:ops\" is not defined; define it in acl.groups or use one of: group:admins, group:developers, group:guests"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossChecks")
    void crossChecksFailWithExactMessage(String kind, String config, String expected, @TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, config, expected);
    }

    /**
     * examples/cluster: ProxyGroup replicas carry spec.tags, Tailscale Services the tags annotation of the
     * Service or Ingress (else PROXY_TAGS); the operator creates both, so its tag owns every one, and
     * autoApprovers.services lets each group's devices advertise the Services it serves.
     */
    @Test
    void ownsProxyGroupAndTailscaleServiceTags(@TempDir Path dir) throws IOException {
        String config = Files.readString(Path.of("..", "examples", "cluster", "tailscale.yaml"), StandardCharsets.UTF_8);
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, config)).render();
        JsonNode policy = HUJSON.readTree(TestConfigs.text(result, "policy/tailnet-policy.hujson"));
        Set<String> carried = tagsInManifests(result);
        assertThat(carried).contains("tag:atlantis-ingress", "tag:atlantis-egress", "tag:atlantis-apiserver", "tag:speedtest",
                "tag:app-connector");
        JsonNode owners = policy.path("tagOwners");
        for (String tag : carried) {
            assertThat(owners.has(tag)).as(tag + " has an owner").isTrue();
            if (!tag.equals("tag:atlantis-k8s01")) {
                assertThat(owners.path(tag).toString()).as(tag + " is owned by the operator").isEqualTo("[\"tag:atlantis-k8s01\"]");
            }
        }
        assertThat(policy.path("autoApprovers").path("services").toString()).isEqualTo("{\"tag:atlantis-apiserver\":"
                + "[\"tag:atlantis-apiserver\"],\"tag:speedtest\":[\"tag:atlantis-ingress\"],\"tag:atlantis-proxies\":[\"tag:atlantis-ingress\"]}");
    }

    @Test
    void aPortNoExposureListensOnIsAWarning(@TempDir Path dir) {
        GenerationResult result = TestConfigs.generator(TestConfigs.write(dir, WITH_ACL.replace("\"tag:prod:8080\"", "\"tag:prod:9090\""))).render();
        assertThat(result.warnings()).containsExactly("tailscale.yaml:55:39: acl.rules[0].dst[0]: no exposure tagged tag:prod listens on port 9090"
                + " (they listen on 8080); this rule opens nothing in this cluster");
    }

    /** Tags as the operator reads them: its own env, the tags annotation, Connector spec.tags. */
    static Set<String> tagsInManifests(GenerationResult result) {
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode doc : TestConfigs.manifestDocuments(result)) {
            splitInto(tags, doc.path("metadata").path("annotations").path("tailscale.com/tags").asText(""));
            doc.path("spec").path("tags").forEach(t -> tags.add(t.asText()));
            for (JsonNode c : doc.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : c.path("env")) {
                    if (List.of("OPERATOR_INITIAL_TAGS", "PROXY_TAGS").contains(env.path("name").asText())) {
                        splitInto(tags, env.path("value").asText());
                    }
                }
            }
        }
        return tags;
    }

    private static void splitInto(Set<String> tags, String commaList) {
        List<String> parts = new ArrayList<>(List.of(commaList.split(",")));
        parts.removeIf(String::isEmpty);
        tags.addAll(parts);
    }
}
