package dev.tailgen.core.render;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Re-parses rendered or user-supplied YAML into typed Kubernetes objects. Rendered text is never
 * trusted: duplicate keys, aliases and unknown fields fail here.
 */
public final class ManifestParser {
    private final ObjectMapper yaml;
    private final CustomResourceShapes shapes = new CustomResourceShapes();

    public ManifestParser() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(0);
        loader.setCodePointLimit(64 * 1024 * 1024);
        this.yaml = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(loader).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * @param origin names the text in messages (a template or a file)
     * @return the objects in document order (CRDs with the tree they were read from); empty documents are skipped
     */
    public List<Manifest> parse(String origin, String text) {
        return parse(origin, text, null);
    }

    /**
     * Like {@link #parse(String, String)}, but documents of any other kind are skipped unchecked: what
     * a downloaded release manifest holds beside the CRDs is not ours to validate.
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
                HasMetadata object = toObject(origin, index, doc);
                // only CRDs are written from their tree; dropping the others' halves the memory of a big config
                out.add(new Manifest(object, object instanceof CustomResourceDefinition ? doc : null));
            }
        } catch (JsonParseException e) {
            throw new ManifestException(origin + ": document " + (index + 1) + " is not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ManifestException(origin + ": document " + (index + 1) + " cannot be read: " + firstLine(e.getMessage()));
        }
        return out;
    }

    private HasMetadata toObject(String origin, int index, JsonNode doc) {
        if (!doc.isObject() || !doc.hasNonNull("apiVersion") || !doc.hasNonNull("kind")) {
            throw new ManifestException(origin + ": document " + index + " is not a Kubernetes object (needs apiVersion and kind)");
        }
        String what = origin + ": " + doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText("<no name>");
        Class<? extends HasMetadata> builtIn = BuiltInKinds.type(doc.get("apiVersion").asText(), doc.get("kind").asText());
        Class<? extends HasMetadata> type = builtIn == null ? GenericKubernetesResource.class : builtIn;
        HasMetadata object;
        try {
            object = yaml.treeToValue(doc, type);
        } catch (JsonProcessingException e) {
            throw new ManifestException(what + ": " + firstLine(e.getOriginalMessage()));
        }
        if (builtIn == null) {
            shapes.check(what, object.getKind(), doc);
        } else {
            UnknownFields.check(what, object);
        }
        return object;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
