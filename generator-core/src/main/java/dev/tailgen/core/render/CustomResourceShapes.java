package dev.tailgen.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8 has no types for tailscale.com kinds, so it reads them as generic maps that accept
 * anything. These closed schemas (in tailgen/crd-shapes/) hold the fields we emit; a document of
 * another tailscale.com kind is refused until it has a shape.
 */
final class CustomResourceShapes {
    private static final String ROOT = "tailgen/crd-shapes/";
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    void check(String what, String kind, JsonNode doc) {
        Schema schema = schemas.computeIfAbsent(kind, this::load);
        if (schema == null) {
            throw new ManifestException(what + ": no known shape for kind " + kind);
        }
        List<Error> errors = schema.validate(doc);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            throw new ManifestException(what + ": " + first.getInstanceLocation() + " " + first.getMessage().replaceFirst("^\\$[^:]*: ", ""));
        }
    }

    private Schema load(String kind) {
        try (InputStream in = CustomResourceShapes.class.getClassLoader().getResourceAsStream(ROOT + kind + ".json")) {
            if (in == null) {
                return null;
            }
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
