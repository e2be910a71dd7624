package dev.tailgen.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.problem.GenerationException;
import dev.tailgen.core.problem.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** load (with the bases {@code extends} names) -> schema -> semantic checks -> typed model. Every failure is a {@link ConfigException}. */
public final class ConfigLoader {
    private final ConfigChain chain = new ConfigChain(new YamlTreeReader());
    private final ConfigSchema schema;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ConfigLoader(ConfigSchema schema) {
        this.schema = schema;
    }

    public LoadedConfig load(Path file, String displayName) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > YamlTreeReader.MAX_BYTES) { // never read a huge file
                throw new ConfigException(new ConfigProblem(displayName, SourceLocation.UNKNOWN, "", YamlTreeReader.tooLarge(size)));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigProblem(displayName, SourceLocation.UNKNOWN, "",
                    "no such file; create it (see the README) or point tailscale.config at it"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(displayName, SourceLocation.UNKNOWN, "",
                    "cannot read the file (" + e.getClass().getSimpleName() + ")"));
        }
        return load(file, displayName, bytes);
    }

    public LoadedConfig load(Path file, String displayName, byte[] bytes) {
        ConfigDocument doc = chain.read(file, displayName, bytes);
        List<ConfigProblem> problems = schema.validate(doc);
        if (problems.isEmpty()) {
            problems = SemanticChecks.check(doc);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        try {
            return new LoadedConfig(doc, mapper.treeToValue(doc.tree(), TailscaleConfig.class));
        } catch (JsonProcessingException e) {
            // the schema accepted something the model does not know: our bug, not the user's
            throw new GenerationException("the config passed the schema but not the model: " + e.getOriginalMessage(), e);
        }
    }
}
