package dev.tailgen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgen.core.problem.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kinds of bad input, each with its exact message (file:line:column, config path, what is wrong and
 * what would be right), and each leaving earlier output byte for byte as it was.
 */
class BadConfigTest {

    static Stream<Arguments> badConfigs() {
        String m = TestConfigs.MINIMAL;
        return Stream.of(
                Arguments.of("unknown key",
                        m.replace("  hostname: tailscale-operator\n", "  hostname: tailscale-operator\n  hostnme: typo\n"),
                        "tailscale.yaml:11:3: operator.hostnme: unknown key \"hostnme\"; expected one of: version, namespace, hostname, tags, logging, credentials, image, proxyImage, registry, resources, nodeSelector, tolerations, affinity, priorityClassName, podAnnotations, podLabels, podSecurityContext, securityContext, serviceAccountAnnotations, extraEnv, annotations"),
                Arguments.of("wrong type: unquoted version is a number",
                        m.replace("version: \"1.13\"", "version: 1.13"),
                        "tailscale.yaml:8:12: talos.version: expected a string (got number 1.13); quote it: \"1.13\""),
                Arguments.of("hostname is not a DNS label",
                        m.replace("hostname: tailscale-operator", "hostname: Tailscale_Operator"),
                        "tailscale.yaml:10:13: operator.hostname: expected a DNS label (RFC 1123): lowercase letters, digits and '-', 1-63 characters, starting and ending with a letter or digit (got \"Tailscale_Operator\")"),
                Arguments.of("tag without the tag: prefix",
                        m.replace("  hostname: tailscale-operator\n", "  hostname: tailscale-operator\n  tags: [k8s-operator]\n"),
                        "tailscale.yaml:11:10: operator.tags[0]: expected a Tailscale tag: 'tag:' followed by a letter and then letters, digits or '-' (e.g. tag:k8s) (got \"k8s-operator\")"),
                Arguments.of("two credentials modes",
                        m.replace("    oauth:\n", "    existingSecret: {name: operator-oauth}\n    oauth:\n"),
                        "tailscale.yaml:12:5: operator.credentials: set exactly one of oauth, existingSecret, externalSecret, volume, workloadIdentity (got oauth, existingSecret)"),
                Arguments.of("unpinned operator version",
                        m.replace("  hostname: tailscale-operator\n", "  hostname: tailscale-operator\n  version: stable\n"),
                        "tailscale.yaml:11:12: operator.version: expected a pinned Tailscale release version 'v<major>.<minor>.<patch>' on a release line this plugin knows; floating tags like 'stable' or 'latest' are refused (got \"stable\")"),
                Arguments.of("missing environment variable",
                        m.replace("${env:TS_CLIENT_SECRET}", "${env:TS_MISSING_SECRET}"),
                        "tailscale.yaml:14:21: operator.credentials.oauth.clientSecret: environment variable TS_MISSING_SECRET is not set; export it before running, or use ${file:PATH} or ${settings:SERVER_ID}"),
                Arguments.of("YAML alias",
                        m.replace("  hostname: tailscale-operator\n", "  hostname: &h tailscale-operator\n  namespace: *h\n"),
                        "tailscale.yaml:11:14: operator.namespace: YAML aliases (*name) are not supported; write the value out in full"),
                Arguments.of("duplicate key",
                        m.replace("  hostname: tailscale-operator\n", "  hostname: tailscale-operator\n  hostname: other\n"),
                        "tailscale.yaml:11:3: operator.hostname: duplicate key \"hostname\"; each key may appear once in a mapping"),
                Arguments.of("boolean where a quoted string is required",
                        m + "apiServerProxy:\n  mode: false\n",
                        "tailscale.yaml:16:9: apiServerProxy.mode: expected a string (got boolean false); quote it: \"false\""),
                Arguments.of("literal client secret in the config",
                        m.replace("${env:TS_CLIENT_SECRET}", "tskey-literal"),
                        "tailscale.yaml:14:21: operator.credentials.oauth.clientSecret: expected a placeholder resolved at generation time: ${env:NAME}, ${file:PATH} or ${settings:SERVER_ID} (password of a Maven settings.xml server); literal secret values are refused in a committed file (got \"tskey-literal\")"),
                Arguments.of("unknown field in a Kubernetes-typed value",
                        m + "  affinity:\n    nodeAffinity:\n      requiredDuringScheduling: {}\n",
                        "tailscale.yaml:17:7: operator.affinity.nodeAffinity.requiredDuringScheduling: unknown field (operator.affinity is a Kubernetes Affinity)"),
                Arguments.of("wrong type in a Kubernetes-typed list",
                        m + "  tolerations:\n    - {key: dedicated, operator: Exists, tolerationSeconds: \"300\"}\n",
                        "tailscale.yaml:16:61: operator.tolerations[0].tolerationSeconds: must be an integer, not a string (operator.tolerations is a Kubernetes list of Toleration)"),
                Arguments.of("a required field missing in a Kubernetes-typed value",
                        m + "  extraEnv:\n    - {value: nftables}\n",
                        "tailscale.yaml:16:7: operator.extraEnv[0]: missing required field \"name\" (operator.extraEnv is a Kubernetes list of EnvVar)"),
                Arguments.of("pod labels that would replace the selector label",
                        m + "  podLabels: {app: other}\n",
                        "tailscale.yaml:15:14: operator.podLabels: podLabels must not set app: the Deployment selects its pod by app: operator"),
                Arguments.of("not YAML",
                        m.replace("  hostname: tailscale-operator\n", "  hostname: [unclosed\n"),
                        "tailscale.yaml:11:14: not valid YAML: while parsing a flow sequence"),
                Arguments.of("nesting deeper than 64",
                        m + "metadataX: " + "[".repeat(70) + "]".repeat(70) + "\n",
                        "tailscale.yaml:15:75: metadataX: nesting is deeper than 64 levels; a config never needs that"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void failsWithExactMessageAndLeavesOutputUntouched(String kind, String config, String expected, @TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("vendor"));
        Path out = dir.resolve("out");
        Generator good = TestConfigs.generator(TestConfigs.write(dir, TestConfigs.MINIMAL));
        good.write(good.render(), out);
        Map<String, String> before = snapshot(out);

        Generator bad = TestConfigs.generator(TestConfigs.write(dir, config));
        assertThatThrownBy(() -> bad.write(bad.render(), out))
                .isInstanceOf(ConfigException.class)
                .hasMessage(expected);
        assertThat(snapshot(out)).isEqualTo(before);
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(root.relativize(p).toString(), Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
