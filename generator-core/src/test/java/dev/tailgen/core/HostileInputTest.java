package dev.tailgen.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that try to break out of their place: newlines, document separators, quotes, template and
 * placeholder syntax, very long and non-ASCII text. Where the format takes free text (CSI volume
 * attributes, tailnet policy sources) each stays one scalar in one document; the objects and keys
 * rendered are counted against a harmless value. Where it does not, the schema refuses with a message.
 */
class HostileInputTest {
    static Stream<String> hostile() {
        return Stream.of(
                "line one\nkind: Secret\nmetadata: {name: evil}",
                "---\napiVersion: v1\nkind: Namespace",
                "\"quoted\" and 'single' and \\ backslash",
                "{{ op.namespace }} {% if true %}x{% endif %}",
                "${UNKNOWN:thing} ${env} $(date)",
                "x".repeat(20_000),
                "héllo wörld 🚀 中文 \u200b",
                "key: value # comment\n  indented: [1, 2]");
    }

    static String config(String csiValue, String aclSource) {
        return TestConfigs.MINIMAL.replace("""
                    oauth:
                      clientId: ${env:TS_CLIENT_ID}
                      clientSecret: ${env:TS_CLIENT_SECRET}
                """, """
                    volume:
                      csi:
                        driver: secrets-store.csi.k8s.io
                        volumeAttributes: {secretProviderClass: %s}
                """.formatted(json(csiValue))) + """
                acl:
                  tagOwners:
                    tag:k8s: [%s]
                  rules:
                    - {src: [%s], dst: ["tag:k8s:443"]}
                """.formatted(json(aclSource), json(aclSource));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void freeTextStaysOneScalarInOneDocument(String value, @TempDir Path a, @TempDir Path b) throws IOException {
        GenerationResult harmless = TestConfigs.generator(TestConfigs.write(a, config("tailscale-oauth", "alice@example.com"))).render();
        GenerationResult result = TestConfigs.generator(TestConfigs.write(b, config(value, value))).render();

        assertThat(result.objectCount()).isEqualTo(harmless.objectCount());
        List<JsonNode> docs = TestConfigs.manifestDocuments(result);
        assertThat(docs).hasSameSizeAs(TestConfigs.manifestDocuments(harmless));
        assertThat(keyCount(docs)).isEqualTo(keyCount(TestConfigs.manifestDocuments(harmless)));
        JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode attributes = deployment.path("spec").path("template").path("spec").path("volumes").get(0).path("csi").path("volumeAttributes");
        assertThat(attributes.size()).isEqualTo(1);
        assertThat(attributes.path("secretProviderClass").asText()).isEqualTo(value);

        JsonNode policy = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build()
                .readTree(TestConfigs.text(result, "policy/tailnet-policy.hujson"));
        assertThat(policy.path("acls").get(0).path("src").get(0).asText()).isEqualTo(value);
        assertThat(policy.path("tagOwners").path("tag:k8s").toString()).contains(json(value));
    }

    @Test
    void hostileTextWhereTheFormatTakesNoneIsRefused(@TempDir Path dir) {
        TestConfigs.assertRenderFails(dir, TestConfigs.MINIMAL.replace("hostname: tailscale-operator", "hostname: \"a\\nkind: Secret\""),
                "tailscale.yaml:10:13: operator.hostname: expected a DNS label (RFC 1123): lowercase letters, digits and '-', 1-63"
                        + " characters, starting and ending with a letter or digit (got \"a\\nkind: Secret\")");
        TestConfigs.assertRenderFails(dir, TestConfigs.MINIMAL.replace("${env:TS_CLIENT_SECRET}", "${vault:secret}"),
                "tailscale.yaml:14:21: operator.credentials.oauth.clientSecret: expected a placeholder resolved at generation time:"
                        + " ${env:NAME}, ${file:PATH} or ${settings:SERVER_ID} (password of a Maven settings.xml server); literal secret"
                        + " values are refused in a committed file (got \"${vault:secret}\")");
    }

    @Test
    void aConfigOverOneMebibyteIsRefusedBeforeParsing(@TempDir Path dir) {
        String big = TestConfigs.MINIMAL + "# " + "x".repeat(1024 * 1024) + "\n";
        TestConfigs.assertRenderFails(dir, big, "tailscale.yaml: the file is 1048867 bytes; a config may be at most 1048576 bytes (1 MiB):"
                + " split it or remove what is not needed");
    }

    private static String json(String value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int keyCount(List<JsonNode> docs) {
        int[] n = {0};
        docs.forEach(d -> count(d, n));
        return n[0];
    }

    private static void count(JsonNode node, int[] n) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                n[0]++;
                count(e.getValue(), n);
            });
        } else if (node.isArray()) {
            node.forEach(c -> count(c, n));
        }
    }
}
