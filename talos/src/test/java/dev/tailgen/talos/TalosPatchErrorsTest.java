package dev.tailgen.talos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rejection, with its exact message, for both forms. */
class TalosPatchErrorsTest {

    static final String DNS_RULE =
            " is not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)";
    static final InlineManifest OK = new InlineManifest("ok", "kind: A\n");
    static final ExternalManifest OK_URL = new ExternalManifest("ok", "https://example.com/a.yaml");

    private static void assertInline(String version, String expected, InlineManifest... inline) {
        assertThatThrownBy(() -> TalosPatch.render(TalosVersion.parse(version), List.of(), List.of(inline), List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage(expected);
    }

    private static void assertExternal(String version, String expected, ExternalManifest... external) {
        assertThatThrownBy(() -> TalosPatch.render(TalosVersion.parse(version), List.of(), List.of(OK),
                List.of(external)))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.13", "1.14"})
    void badInlineName(String version) {
        assertInline(version, "inline manifest name \"Tailscale_Op\"" + DNS_RULE,
                new InlineManifest("Tailscale_Op", "kind: A"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a..b", "a.-b", ".a", "a.", "a b", "ä", "A"})
    void otherBadNames(String name) {
        assertInline("1.14", "inline manifest name \"" + name + "\"" + DNS_RULE, new InlineManifest(name, "kind: A"));
        assertExternal("1.13", "external manifest name \"" + name + "\"" + DNS_RULE,
                new ExternalManifest(name, "https://example.com/a.yaml"));
    }

    @Test
    void tooLongName() {
        String name = "a".repeat(250) + ".bcd";
        assertInline("1.14", "inline manifest name \"" + name
                + "\" is 254 characters long: a DNS-1123 subdomain has at most 253",
                new InlineManifest(name, "kind: A"));
    }

    @Test
    void longestNameIsAccepted() {
        String name = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        TalosPatch.render(TalosVersion.parse("1.14"), List.of(), List.of(new InlineManifest(name, "kind: A")),
                List.of());
    }

    @Test
    void missingName() {
        assertInline("1.13", "inline manifest 2 has no name: give a DNS-1123 subdomain such as \"tailscale-operator\"",
                OK, new InlineManifest(null, "kind: A"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.13", "1.14"})
    void duplicateInlineName(String version) {
        assertInline(version, "inline manifest name \"ok\" is used twice (entries 1 and 3):"
                + " names must be unique per kind within a patch",
                OK, new InlineManifest("other", "kind: B"), new InlineManifest("ok", "kind: C"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.13", "1.14"})
    void duplicateExternalName(String version) {
        assertExternal(version, "external manifest name \"crds\" is used twice (entries 1 and 2):"
                + " names must be unique per kind within a patch",
                new ExternalManifest("crds", "https://example.com/a.yaml"),
                new ExternalManifest("crds", "https://example.com/b.yaml"));
    }

    @Test
    void sameNameInBothKindsIsAllowed() {
        TalosPatch.render(TalosVersion.parse("1.14"), List.of(), List.of(OK), List.of(OK_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a.yaml", "HTTPS://example.com/a.yaml", "example.com/a.yaml",
        " https://example.com/a.yaml", "https:/example.com", ""})
    void badUrlScheme(String url) {
        assertExternal("1.14", "external manifest \"crds\" URL \"" + url + "\" does not match ^(http|https)://:"
                + " give an http:// or https:// URL pinned to a tag", new ExternalManifest("crds", url));
    }

    @Test
    void urlWithWhitespace() {
        assertExternal("1.13", "external manifest \"crds\" URL \"https://example.com/a b.yaml\" contains U+0020:"
                + " a URL holds no whitespace or control characters; percent-encode it",
                new ExternalManifest("crds", "https://example.com/a b.yaml"));
        assertExternal("1.14", "external manifest \"crds\" URL \"https://example.com/a.yaml\n\" contains U+000A:"
                + " a URL holds no whitespace or control characters; percent-encode it",
                new ExternalManifest("crds", "https://example.com/a.yaml\n"));
    }

    @Test
    void urlWithoutHost() {
        assertExternal("1.14", "external manifest \"crds\" URL \"https://\" names no host:"
                + " give a full URL such as https://example.com/manifest.yaml", new ExternalManifest("crds", "https://"));
        assertExternal("1.14", "external manifest \"crds\" URL \"http:///a.yaml\" names no host:"
                + " give a full URL such as https://example.com/manifest.yaml",
                new ExternalManifest("crds", "http:///a.yaml"));
    }

    @Test
    void missingUrl() {
        assertExternal("1.13", "external manifest \"crds\" has no URL: give an http:// or https:// URL pinned to a tag",
                new ExternalManifest("crds", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.13", "1.14"})
    void tabInContents(String version) {
        assertInline(version, "inline manifest \"tailscale-operator\" contains a tab on line 3:"
                + " tabs cannot be kept in a literal block; use spaces",
                new InlineManifest("tailscale-operator", "kind: A\r\nmetadata:\r\n\tname: a\r\n"));
    }

    @Test
    void trailingTabIsStillATab() {
        assertInline("1.13", "inline manifest \"a\" contains a tab on line 1:"
                + " tabs cannot be kept in a literal block; use spaces", new InlineManifest("a", "kind: A\t\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "   \n  \r\n", "\r"})
    void emptyContents(String contents) {
        assertInline("1.14", "inline manifest \"a\" has empty contents: give at least one Kubernetes object",
                new InlineManifest("a", contents));
        assertInline("1.13", "inline manifest \"a\" has empty contents: give at least one Kubernetes object",
                new InlineManifest("a", contents));
    }

    @Test
    void nullContents() {
        assertInline("1.13", "inline manifest \"a\" has empty contents: give at least one Kubernetes object",
                new InlineManifest("a", null));
    }

    @Test
    void charactersYamlCannotHold() {
        assertInline("1.14", "inline manifest \"a\" contains the character U+0007 on line 2,"
                + " which a YAML literal block cannot hold; remove it", new InlineManifest("a", "kind: A\nx: \u0007\n"));
        assertInline("1.14", "inline manifest \"a\" contains the character U+2028 on line 1,"
                + " which a YAML literal block cannot hold; remove it", new InlineManifest("a", "kind: A\u2028x: 1"));
        assertInline("1.13", "inline manifest \"a\" contains the character U+FEFF on line 1,"
                + " which a YAML literal block cannot hold; remove it", new InlineManifest("a", "\uFEFFkind: A"));
        assertInline("1.13", "inline manifest \"a\" contains the character U+D800 on line 1,"
                + " which a YAML literal block cannot hold; remove it", new InlineManifest("a", "kind: \uD800"));
    }

    @Test
    void badHeaderComment() {
        assertThatThrownBy(() -> TalosPatch.render(TalosVersion.parse("1.13"), List.of("ok", "also\nbad \u001B[0m"),
                List.of(OK), List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("header comment line 3 contains the character U+001B, which a YAML comment cannot hold;"
                        + " remove it");
    }

    @Test
    void nothingToRender() {
        assertThatThrownBy(() -> TalosPatch.render(TalosVersion.parse("1.14"), List.of("x"), List.of(), List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("nothing to render: give at least one inline or external manifest");
    }

    @Test
    void nullEntries() {
        assertThatThrownBy(() -> TalosPatch.render(TalosVersion.parse("1.14"), List.of(),
                java.util.Arrays.asList(OK, null), List.of()))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("inline manifest 2 is null: give a name and contents");
        assertThatThrownBy(() -> TalosPatch.render(TalosVersion.parse("1.14"), List.of(), List.of(),
                java.util.Arrays.asList((ExternalManifest) null)))
                .isInstanceOf(TalosPatchException.class)
                .hasMessage("external manifest 1 is null: give a name and a URL");
    }

    @Test
    void badVersionString() {
        assertThatThrownBy(() -> TalosVersion.parse("talos-1.13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a Talos version like \"1.13\" (got \"talos-1.13\")");
    }
}
