package dev.tailgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI over the core: exit codes, messages verbatim (the same as the Maven goals'), the up-to-date skip, check and embed. */
class TailgenTest {
    static final Path REPO = Path.of(System.getProperty("tailgen.repo", "..")).toAbsolutePath().normalize();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tailgen.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The config of the plugin's bad-config IT: the same file:line:column message its verify.groovy asserts, exit 1, no stack trace. */
    @Test
    void badInputPrintsTheSameMessageAsMavenAndExitsWithOne(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Run r = run("generate", "--config", REPO.resolve("maven-plugin/src/it/bad-config/tailscale.yaml").toString(), "--output", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("tailscale.yaml:18:13: operator.hostname: expected a DNS label (RFC 1123): lowercase letters,"
                + " digits and '-', 1-63 characters, starting and ending with a letter or digit (got \"Tailscale_Operator\")\n");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    /** Refused in validate too, so CI fails where generate would. */
    @Test
    void aSettingsPlaceholderIsRefusedNamingTheAlternatives(@TempDir Path dir) throws IOException {
        Path config = write(dir, MINIMAL.replace("${file:client_secret}", "${settings:tailscale-oauth}"));
        Run r = run("validate", "--config", config.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("tailscale.yaml:14:21: operator.credentials.oauth.clientSecret: ${settings:tailscale-oauth}:"
                + " ${settings:} reads a server of Maven's settings.xml, which tailgen does not read; use ${env:NAME} (an environment"
                + " variable, e.g. from your secret manager or CI) or ${file:PATH} (a file relative to the config, e.g. a mounted secret)\n");
    }

    @Test
    void aUsageErrorExitsWithTwo() {
        Run r = run("generate", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Unknown option: '--bogus'\nUsage: tailgen generate");
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("generate", "--help").out()).contains("--output=DIR").contains("--force").contains("--config=FILE");
    }

    @Test
    void generateSkipsWhenUpToDateAndCheckFailsOnDriftWithTheFixCommand(@TempDir Path dir) throws IOException {
        Path config = write(dir, MINIMAL);
        Files.writeString(dir.resolve("client_id"), "cid", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("client_secret"), "csecret", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Run first = run("generate", "--config", config.toString(), "--output", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Wrote ").contains("manifests/tailscale-operator.yaml");
        assertThat(Files.readString(out.resolve("manifests/tailscale-operator.yaml"), StandardCharsets.UTF_8))
                .startsWith("# Tailscale Kubernetes operator ").contains("generated from tailscale.yaml by tailscale-maven-plugin."
                        + " Do not edit: change the config and run mvn tailscale:generate.\n");
        Run second = run("generate", "--config", config.toString(), "--output", out.toString());
        assertThat(second.out()).contains("is up to date with").contains("nothing rendered. --force renders anyway");
        assertThat(run("check", "--config", config.toString(), "--output", out.toString()).code()).isZero();
        Run skipped = run("validate", "--config", config.toString(), "--output", out.toString());
        assertThat(skipped.out()).as("the marker says this config passed every check").contains(" passed every check when ")
                .endsWith("nothing checked. --force checks anyway\n");
        assertThat(run("validate", "--config", config.toString(), "--output", out.toString(), "--force").out())
                .contains("Config is valid; nothing written.");

        Files.writeString(config, MINIMAL.replace("hostname: tailscale-operator", "hostname: ts-operator"), StandardCharsets.UTF_8);
        Run drift = run("check", "--config", config.toString(), "--output", out.toString());
        assertThat(drift.code()).isEqualTo(1);
        assertThat(drift.err()).contains(" files differ\n").contains("+              value: \"ts-operator\"")
                .endsWith("To fix it, run: tailgen generate --config " + Subcommand.shown(config) + " --output " + Subcommand.shown(out)
                        + " and commit the folder\n");
        Run validate = run("validate", "--config", config.toString(), "--output", out.toString());
        assertThat(validate.out()).as("an edited config is checked").contains("Config is valid; nothing written. Run tailgen generate to write the files.");
    }

    @Test
    void embedNeedsMachineConfigsAndRefusesAWorkerConfig(@TempDir Path dir) throws IOException {
        Path config = write(dir, MINIMAL);
        Files.writeString(dir.resolve("client_id"), "cid", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("client_secret"), "csecret", StandardCharsets.UTF_8);
        Run none = run("embed", "--config", config.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("tailgen embed needs the control-plane machine configs to update: --machine-config"
                + " controlplane.yaml (repeat it for each control plane)\n");
        Path worker = dir.resolve("worker.yaml");
        Files.writeString(worker, "version: v1alpha1\nmachine:\n  type: worker\ncluster:\n  clusterName: c\n", StandardCharsets.UTF_8);
        Run refused = run("embed", "--config", config.toString(), "--machine-config", worker.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith(Subcommand.shown(worker) + ": ").doesNotContain("\tat ");
        assertThat(Files.readString(worker, StandardCharsets.UTF_8)).startsWith("version: v1alpha1\n");
    }

    /** The plugin's embed IT's control-plane config: embedded once, then current (embed and validate agree), every other line kept. */
    @Test
    void embedWritesTheManifestsOnceAndValidateThenAgrees(@TempDir Path dir) throws IOException {
        Path it = REPO.resolve("maven-plugin/src/it/embed-controlplane");
        Path cp = dir.resolve("controlplane.yaml");
        Files.copy(it.resolve("controlplane.yaml"), cp);
        String config = it.resolve("tailscale.yaml").toString();
        Run stale = run("validate", "--config", config, "--machine-config", cp.toString());
        assertThat(stale.code()).isEqualTo(1);
        assertThat(stale.err()).endsWith("To fix it, run: tailgen embed --machine-config " + Subcommand.shown(cp)
                + " (control planes must all carry the same, current manifests)\n");
        Run embed = run("embed", "--config", config, "--machine-config", cp.toString());
        assertThat(embed.code()).as(embed.err()).isZero();
        assertThat(embed.out()).startsWith("Updated " + Subcommand.shown(cp) + ": ");
        assertThat(Files.readString(cp, StandardCharsets.UTF_8)).contains("- name: team-namespace").contains("- name: tailscale-operator");
        assertThat(run("embed", "--config", config, "--machine-config", cp.toString()).out())
                .startsWith(Subcommand.shown(cp) + " already carries the current manifests");
        assertThat(run("validate", "--config", config, "--machine-config", cp.toString()).code()).isZero();
    }

    /** An error that is not the config's (here an output path under a file): exit 3, the stack trace only with --debug. */
    @Test
    void anInternalErrorExitsWithThreeAndPrintsItsTraceOnlyWithDebug(@TempDir Path dir) throws IOException {
        Path config = write(dir, MINIMAL);
        Files.writeString(dir.resolve("client_id"), "cid", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("client_secret"), "csecret", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("afile"), "", StandardCharsets.UTF_8);
        String output = dir.resolve("afile").resolve("out").toString();
        Run plain = run("generate", "--config", config.toString(), "--output", output);
        assertThat(plain.code()).isEqualTo(3);
        assertThat(plain.err()).isEqualTo("cannot write " + output + ": FileAlreadyExistsException " + dir.resolve("afile")
                + " (--debug prints the stack trace)\n");
        Run debug = run("generate", "--debug", "--config", config.toString(), "--output", output);
        assertThat(debug.code()).isEqualTo(3);
        assertThat(debug.err()).contains("\tat dev.tailgen.core.output.OutputWriter.write(");
    }

    static final String MINIMAL = """
            apiVersion: tailgen.dev/v1alpha1
            kind: TailscaleCluster
            metadata:
              name: test
            tailnet:
              domain: tail-xxxxx.ts.net
            talos:
              version: "1.13"
            operator:
              hostname: tailscale-operator
              credentials:
                oauth:
                  clientId: ${file:client_id}
                  clientSecret: ${file:client_secret}
            """;

    static Path write(Path dir, String text) throws IOException {
        Path file = dir.resolve("tailscale.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
