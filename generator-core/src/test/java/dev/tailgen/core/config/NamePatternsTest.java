package dev.tailgen.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgen.core.release.OperatorVersion;
import dev.tailgen.talos.NamePatterns;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema states the Java name and version patterns for editors: the two must say the same. */
class NamePatternsTest {
    @Test
    void schemaPatternsAreTheJavaOnes() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(Path.of("..", "schemas", "tailscale.schema.json").toFile()).path("$defs");
        assertThat(defs.path("dnsLabel").path("pattern").asText()).isEqualTo("^" + NamePatterns.DNS_LABEL + "$");
        assertThat(defs.path("dnsSubdomain").path("pattern").asText()).isEqualTo("^" + NamePatterns.DNS_SUBDOMAIN + "$");
        assertThat(defs.path("placeholder").path("pattern").asText()).isEqualTo("^" + NamePatterns.PLACEHOLDER + "$");
        assertThat(defs.path("operatorVersion").path("pattern").asText()).isEqualTo("^" + OperatorVersion.FORM_TEXT + "$");
    }
}
