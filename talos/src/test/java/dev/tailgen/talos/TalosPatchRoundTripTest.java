package dev.tailgen.talos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the rendered patch back with a YAML parser yields the normalised input, for both forms. */
class TalosPatchRoundTripTest {

    static final List<InlineManifest> INLINE = List.of(
            new InlineManifest("plain", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tailscale\n"),
            new InlineManifest("crlf-and-trailing-spaces",
                    "apiVersion: v1   \r\nkind: ConfigMap\r\ndata:\r\n  a: \"1\"  \r\n  b: |\r\n    x  \r\n\r\n    y\r\n"),
            new InlineManifest("lone-cr", "kind: A\rmetadata:\r  name: a"),
            new InlineManifest("leading-space", "  # indented comment\nkind: B\n"),
            new InlineManifest("leading-blank-lines", "\n\n   \n  kind: C\n    deeper: true\nless: 1\n\n\n"),
            new InlineManifest("separators-and-comments",
                    "---\n# comment only\n---\napiVersion: v1\nkind: List\nitems: []\n...\n--- # x\nkind: D\n"),
            new InlineManifest("blank-lines-inside", "kind: E\n\n\n\ndata:\n\n  k: v\n"),
            new InlineManifest("unicode", "kind: F\ndata:\n  greeting: \"grüß dich 👋 — ok\"\n"),
            new InlineManifest("quotes-and-indicators",
                    "kind: G\ndata:\n  q: '\"' \n  r: \"|\"\n  s: \"key: value # not a comment\"\n"),
            new InlineManifest("123", "kind: H"),
            new InlineManifest("no", "kind: I"));

    static final List<ExternalManifest> EXTERNAL = List.of(
            new ExternalManifest("crds", "https://example.com/v1.0.0/crds.yaml"),
            new ExternalManifest("with-query", "https://example.com/a.yaml?ref=v1.0.0&x=1#frag"),
            new ExternalManifest("true", "http://example.com:8080/"),
            new ExternalManifest("odd", "https://example.com/a,b[1]{2}:"));

    static Stream<Arguments> versions() {
        return Stream.of(Arguments.of("1.12"), Arguments.of("1.13"), Arguments.of("1.14"), Arguments.of("1.15"));
    }

    /** What the contents should read back as: no trailing spaces, LF, no leading/trailing blank lines, one final LF. */
    static String normalised(String contents) {
        List<String> lines = new ArrayList<>(
                List.of(contents.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        lines.replaceAll(String::stripTrailing);
        while (lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest
    @MethodSource("versions")
    void contentsReadBackAsNormalisedInput(String versionText) {
        TalosVersion version = TalosVersion.parse(versionText);
        String patch = TalosPatch.render(version, List.of("round trip"), INLINE, EXTERNAL);
        List<JsonNode> documents = Yaml.documents(patch);

        List<String> names = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        List<String> externalNames = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        if (version.usesManifestDocuments()) {
            assertThat(documents).hasSize(INLINE.size() + EXTERNAL.size());
            for (JsonNode document : documents) {
                assertThat(document.get("apiVersion").textValue()).isEqualTo("v1alpha1");
                if (document.get("kind").textValue().equals("KubeInlineManifestConfig")) {
                    assertThat(fieldNames(document)).containsExactly("apiVersion", "kind", "name", "manifest");
                    names.add(document.get("name").textValue());
                    contents.add(document.get("manifest").textValue());
                } else {
                    assertThat(document.get("kind").textValue()).isEqualTo("KubeExternalManifestConfig");
                    assertThat(fieldNames(document)).containsExactly("apiVersion", "kind", "name", "url");
                    externalNames.add(document.get("name").textValue());
                    urls.add(document.get("url").textValue());
                }
            }
            assertThat(externalNames).containsExactlyElementsOf(EXTERNAL.stream().map(ExternalManifest::name).toList());
        } else {
            assertThat(documents).hasSize(1);
            JsonNode cluster = documents.get(0).get("cluster");
            assertThat(fieldNames(documents.get(0))).containsExactly("cluster");
            assertThat(fieldNames(cluster)).containsExactly("inlineManifests", "extraManifests");
            for (JsonNode entry : cluster.get("inlineManifests")) {
                assertThat(fieldNames(entry)).containsExactly("name", "contents");
                names.add(entry.get("name").textValue());
                contents.add(entry.get("contents").textValue());
            }
            cluster.get("extraManifests").forEach(url -> urls.add(url.textValue()));
        }

        assertThat(names).containsExactlyElementsOf(INLINE.stream().map(InlineManifest::name).toList());
        assertThat(contents).containsExactlyElementsOf(
                INLINE.stream().map(m -> normalised(m.contents())).toList());
        assertThat(urls).containsExactlyElementsOf(EXTERNAL.stream().map(ExternalManifest::url).toList());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
