package dev.tailgen.core.render;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Re-parses rendered or user-supplied YAML and checks each object against its Kubernetes type.
 * Rendered text is never trusted: duplicate keys, aliases, unknown fields and values of the wrong
 * type fail here.
 */
public final class ManifestParser {
    private final CustomResourceShapes shapes = new CustomResourceShapes();
    private final ObjectMapper yaml;
    private final ModelShapes models;

    public ManifestParser() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(0);
        loader.setCodePointLimit(64 * 1024 * 1024);
        this.yaml = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(loader).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.models = new ModelShapes(yaml);
    }

    /**
     * @param origin names the text in messages (a template or a file)
     * @return the objects in document order, each tree in the form it is written in; empty documents are skipped
     */
    public List<Manifest> parse(String origin, String text) {
        return parse(origin, text, null);
    }

    /**
     * Like {@link #parse(String, String)}, but documents of any other kind are skipped unchecked (what
     * a downloaded release manifest holds beside the CRDs is not ours to validate), and the trees are
     * left exactly as they were read.
     */
    public List<Manifest> parseOnly(String origin, String text, String kind) {
        return parse(origin, text, kind);
    }

    private List<Manifest> parse(String origin, String text, String onlyKind) {
        List<Manifest> out = new ArrayList<>();
        int index = 0;
        try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(text)) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || (doc.isTextual() && doc.asText().isBlank())) {
                    continue; // an empty document ("---" twice) reads as null or ""
                }
                if (onlyKind != null && !onlyKind.equals(doc.path("kind").asText())) {
                    continue;
                }
                out.add(check(origin, index, doc, onlyKind == null));
            }
        } catch (JsonParseException e) {
            throw new ManifestException(origin + ": document " + (index + 1) + " is not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ManifestException(origin + ": document " + (index + 1) + " cannot be read: " + firstLine(e.getMessage()));
        }
        return out;
    }

    private Manifest check(String origin, int index, JsonNode doc, boolean rewrite) {
        if (!doc.isObject() || !doc.path("apiVersion").isTextual() || !doc.path("kind").isTextual()) {
            throw new ManifestException(origin + ": document " + index + " is not a Kubernetes object (needs apiVersion and kind)");
        }
        String kind = doc.get("kind").textValue();
        String what = origin + ": " + kind + " " + doc.path("metadata").path("name").asText("<no name>");
        Class<? extends HasMetadata> builtIn = BuiltInKinds.type(doc.get("apiVersion").textValue(), kind);
        models.check(what, (ObjectNode) doc, builtIn == null ? GenericKubernetesResource.class : builtIn, rewrite);
        if (builtIn == null) {
            shapes.check(what, kind, doc);
        }
        return Manifest.of(doc);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
