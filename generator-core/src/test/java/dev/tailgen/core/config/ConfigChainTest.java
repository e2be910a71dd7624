package dev.tailgen.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgen.core.Generator;
import dev.tailgen.core.GeneratorSettings;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.uptodate.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends}: the merge rule, chains, and messages that name the file and line that set the value. */
class ConfigChainTest {
    private static final ConfigLoader LOADER = new ConfigLoader(ConfigSchema.load());
    /** A shared base: everything but the cluster's name and domain. */
    private static final String BASE = """
            apiVersion: tailgen.dev/v1alpha1
            kind: TailscaleCluster
            metadata:
              name: base
            talos:
              version: "1.13"
            operator:
              hostname: tailscale-operator
              credentials:
                oauth:
                  clientId: ${env:TS_CLIENT_ID}
                  clientSecret: ${env:TS_CLIENT_SECRET}
            services:
              - {name: web, hostname: web, selector: {app: web}, ports: [{port: 80}]}
              - {name: db, hostname: db, selector: {app: db}, ports: [{port: 5432}]}
            """;

    @TempDir
    Path dir;

    @Test
    void mappingsMergeKeyByKeyListsAndScalarsReplaceNullRemoves() {
        write("base/tailscale.yaml", BASE.replace("hostname: tailscale-operator", "hostname: base-operator"));
        Path leaf = write("clusters/a/tailscale.yaml", """
                extends: ../../base/tailscale.yaml
                metadata:
                  name: cluster-a
                tailnet:
                  domain: tail-aaaaa.ts.net
                operator:
                  hostname: null
                services:
                  - {name: api, hostname: api, selector: {app: api}, ports: [{port: 443}]}
                """);

        LoadedConfig loaded = LOADER.load(leaf, "clusters/a/tailscale.yaml");

        assertThat(loaded.document().tree().toString()).isEqualTo("{\"apiVersion\":\"tailgen.dev/v1alpha1\",\"kind\":\"TailscaleCluster\","
                + "\"metadata\":{\"name\":\"cluster-a\"},"
                + "\"talos\":{\"version\":\"1.13\"},"
                + "\"operator\":{\"credentials\":{\"oauth\":{\"clientId\":\"${env:TS_CLIENT_ID}\",\"clientSecret\":\"${env:TS_CLIENT_SECRET}\"}}},"
                + "\"services\":[{\"name\":\"api\",\"hostname\":\"api\",\"selector\":{\"app\":\"api\"},\"ports\":[{\"port\":443}]}],"
                + "\"tailnet\":{\"domain\":\"tail-aaaaa.ts.net\"}}");
        assertThat(loaded.config().operator().hostname()).isNull(); // null removed the base's value: the default applies
    }

    @Test
    void chainsMergeBaseFirst() {
        write("base.yaml", BASE);
        write("site/home.yaml", """
                extends: "../base.yaml"
                tailnet:
                  domain: tail-home.ts.net
                operator:
                  hostname: home-operator
                """);
        Path leaf = write("site/clusters/one.yaml", """
                extends: '../home.yaml'   # the home site's defaults
                metadata: {name: one}
                """);

        TailscaleConfig config = LOADER.load(leaf, "site/clusters/one.yaml").config();

        assertThat(config.metadata().name()).isEqualTo("one");
        assertThat(config.tailnet().domain()).isEqualTo("tail-home.ts.net");
        assertThat(config.operator().hostname()).isEqualTo("home-operator");
        assertThat(config.services()).hasSize(2);
    }

    @Test
    void aBadValueInTheBaseIsReportedAtTheBasesLine() {
        write("base/tailscale.yaml", BASE.replace("hostname: tailscale-operator", "hostname: Tailscale_Operator"));
        Path leaf = write("clusters/a/tailscale.yaml", "extends: ../../base/tailscale.yaml\nmetadata: {name: a}\ntailnet: {domain: tail-aaaaa.ts.net}\n");

        assertFails(leaf, "clusters/a/tailscale.yaml", "base/tailscale.yaml:8:13: operator.hostname: "
                 + "expected a DNS label (RFC 1123): lowercase letters, digits and '-', 1-63 characters, starting and ending with a letter or digit (got \"Tailscale_Operator\")");
    }

    @Test
    void aBadValueInTheOverlayIsReportedAtTheOverlaysLine() {
        write("base/tailscale.yaml", BASE);
        Path leaf = write("clusters/a/tailscale.yaml", "extends: ../../base/tailscale.yaml\nmetadata: {name: a}\ntailnet: {domain: tail-aaaaa.ts.net}\n"
                + "operator:\n  hostname: Tailscale_Operator\n");

        assertFails(leaf, "clusters/a/tailscale.yaml", "clusters/a/tailscale.yaml:5:13: operator.hostname: "
                 + "expected a DNS label (RFC 1123): lowercase letters, digits and '-', 1-63 characters, starting and ending with a letter or digit (got \"Tailscale_Operator\")");
    }

    @Test
    void aCrossItemProblemNamesTheOtherItemsFile() {
        write("base/tailscale.yaml", BASE);
        Path leaf = write("clusters/a/tailscale.yaml", """
                extends: ../../base/tailscale.yaml
                metadata: {name: a}
                tailnet: {domain: tail-aaaaa.ts.net}
                ingresses:
                  - {name: dash, hostname: web, backend: {service: web, port: 80}}
                """);

        Generator generator = new Generator(new GeneratorSettings(leaf, "clusters/a/tailscale.yaml", TestConfigs.SECRETS, true, TestConfigs.MAVEN));
        assertThatThrownBy(generator::render).isInstanceOf(ConfigException.class).hasMessage("clusters/a/tailscale.yaml:5:28: ingresses[0].hostname: tailnet device name \"web\" is already taken"
                + " by services[0] at line 14 of base/tailscale.yaml; every device on the tailnet needs its own name");
    }

    @Test
    void aCycleIsRefusedAtTheExtendsThatClosesIt() {
        write("a.yaml", "extends: b.yaml\nmetadata: {name: a}\n");
        write("b.yaml", "# the shared part\nextends: ./a.yaml\n");

        assertFails(dir.resolve("a.yaml"), "a.yaml", "b.yaml:2:10: extends: \"a.yaml\" is already in the chain (a.yaml -> b.yaml -> a.yaml);"
                + " a config cannot extend itself, directly or through its bases");
    }

    @Test
    void aMissingBaseIsReportedAtTheExtendsLine() {
        Path leaf = write("clusters/a/tailscale.yaml", "metadata: {name: a}\nextends: ../base.yaml\n");

        assertFails(leaf, "clusters/a/tailscale.yaml", "clusters/a/tailscale.yaml:2:10: extends: no such file \"clusters/base.yaml\";"
                + " the path is relative to the folder of this file");
    }

    @Test
    void aBaseThatIsNotYamlIsNamedInTheMessage() {
        write("base.yaml", "operator:\n  hostname: [unclosed\n");
        Path leaf = write("a.yaml", "extends: base.yaml\n");

        assertFails(leaf, "a.yaml", "base.yaml:2:22: not valid YAML: while parsing a flow sequence");
    }

    @Test
    void aBaseMustBeAMapping() {
        write("base.yaml", "- operator\n");
        Path leaf = write("a.yaml", "extends: base.yaml\n");

        assertFails(leaf, "a.yaml", "base.yaml:1:1: a base config is a mapping of the keys it sets (apiVersion, operator, ...); found array");
    }

    @Test
    void anExtendsTheUpToDateScanCannotSeeIsRefused() {
        write("base.yaml", BASE);
        Path leaf = write("a.yaml", "metadata: {name: a}\nextends: >-\n  base.yaml\n");

        assertFails(leaf, "a.yaml", "a.yaml:2:1: extends: write it as one top-level line, extends: PATH (block style, the path plain or quoted"
                + " without escapes), so the up-to-date check finds the base too");
    }

    @Test
    void extendsMustBeAPath() {
        Path leaf = write("a.yaml", "extends: [base.yaml]\n");

        assertFails(leaf, "a.yaml", "a.yaml:1:10: extends: must be the path of the base config, relative to this file (e.g. ../base/tailscale.yaml)");
    }

    @Test
    void theFingerprintCoversEveryFileOfTheChain() {
        write("base.yaml", BASE);
        write("site/home.yaml", "extends: ../base.yaml\ntailnet: {domain: tail-home.ts.net}\n");
        Path leaf = write("site/one.yaml", "extends: home.yaml\nmetadata: {name: one}\n");
        String before = Fingerprint.of(leaf, TestConfigs.SECRETS);

        write("base.yaml", BASE.replace("name: web", "name: www"));
        String baseChanged = Fingerprint.of(leaf, TestConfigs.SECRETS);
        write("site/home.yaml", "extends: ../base.yaml\ntailnet: {domain: tail-away.ts.net}\n");
        String middleChanged = Fingerprint.of(leaf, TestConfigs.SECRETS);

        assertThat(baseChanged).isNotEqualTo(before);
        assertThat(middleChanged).isNotEqualTo(baseChanged);
        assertThat(Fingerprint.of(leaf, TestConfigs.SECRETS)).isEqualTo(middleChanged);
    }

    @Test
    void theScanReadsWhatYamlReads() {
        assertThat(ExtendsLine.scan("a: 1\nextends: ../b.yaml # why\n")).contains("../b.yaml");
        assertThat(ExtendsLine.scan("extends: \"b c.yaml\"\r\n")).contains("b c.yaml");
        assertThat(ExtendsLine.scan("extends: 'b.yaml'")).contains("b.yaml");
        assertThat(ExtendsLine.scan("# extends: b.yaml\nx:\n  extends: b.yaml\n")).isEmpty();
    }

    private void assertFails(Path leaf, String displayName, String expected) {
        assertThatThrownBy(() -> LOADER.load(leaf, displayName)).isInstanceOf(ConfigException.class).hasMessage(expected);
    }

    private Path write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
