package dev.tailgen.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.config.SecretValue;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Config texts and a fixed secret source for tests. */
public final class TestConfigs {
    /** A small valid config; tests replace lines of it to make it wrong. */
    public static final String MINIMAL = """
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
                  clientId: ${env:TS_CLIENT_ID}
                  clientSecret: ${env:TS_CLIENT_SECRET}
            """;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static final SecretSource SECRETS = new SecretSource() {
        private final Map<String, String> env = Map.of("TS_CLIENT_ID", "cid-123", "TS_CLIENT_SECRET", "csecret-456");

        @Override
        public Optional<String> environment(String name) {
            return Optional.ofNullable(env.get(name));
        }

        @Override
        public String serverFile() {
            return "settings.xml";
        }

        @Override
        public Optional<ServerCredentials> server(String id) {
            return id.equals("tailscale-oauth")
                    ? Optional.of(new ServerCredentials("settings-id", new SecretValue("settings-secret")))
                    : Optional.empty();
        }
    };

    /** Names the commands as the Maven plugin does, so the goldens hold exactly what Maven users get. */
    public static final FrontEnd MAVEN = FrontEnd.named("mvn tailscale:generate", "mvn tailscale:generate");

    private TestConfigs() {
    }

    public static Path write(Path dir, String text) {
        try {
            Path file = dir.resolve("tailscale.yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a generated file; fails when the run wrote no such file. */
    public static String text(GenerationResult result, String path) {
        return result.file(path).orElseThrow(() -> new AssertionError("no generated file " + path)).content();
    }

    /** The YAML documents of a generated file, as trees. */
    public static List<JsonNode> documents(GenerationResult result, String path) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text(result, path))) {
            return docs.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of every manifests/*.yaml file, in file order. */
    public static List<JsonNode> manifestDocuments(GenerationResult result) {
        List<JsonNode> all = new ArrayList<>();
        result.files().stream().map(OutputFile::path).filter(p -> p.startsWith("manifests/") && p.endsWith(".yaml") && !p.equals(OutputLayout.KUSTOMIZATION))
                .forEach(p -> all.addAll(documents(result, p)));
        return all;
    }

    /** Rendering {@code config} fails with exactly {@code expected}: file:line:column, config path, message. */
    public static void assertRenderFails(Path dir, String config, String expected) {
        Generator generator = generator(write(dir, config));
        org.assertj.core.api.Assertions.assertThatThrownBy(generator::render)
                .isInstanceOf(dev.tailgen.core.problem.ConfigException.class)
                .hasMessage(expected);
    }

    public static Generator generator(Path config) {
        return new Generator(new GeneratorSettings(config, "tailscale.yaml", SECRETS, true, MAVEN));
    }
}
