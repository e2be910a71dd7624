package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The JSON Schema of tailscale.yaml (draft 2020-12, {@code schemas/tailscale.schema.json}) compiled
 * once, and its errors turned into messages that say what is expected, at the right line.
 */
public final class ConfigSchema {
    public static final String RESOURCE = "tailgen/schemas/tailscale.schema.json";

    private final JsonNode schemaTree;
    private final Schema schema;

    private ConfigSchema(JsonNode schemaTree, Schema schema) {
        this.schemaTree = schemaTree;
        this.schema = schema;
    }

    public static ConfigSchema load() {
        try (InputStream in = ConfigSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new GenerationException("the plugin jar lacks " + RESOURCE, false);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode tree = new ObjectMapper().readTree(text);
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text, InputFormat.JSON);
            return new ConfigSchema(tree, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ConfigProblem> validate(ConfigDocument doc) {
        List<Error> errors = new ArrayList<>(schema.validate(doc.tree()));
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> typeErrors = new HashSet<>();
        for (Error error : errors) {
            if ("type".equals(error.getKeyword())) {
                typeErrors.add(pointer(error.getInstanceLocation()));
            }
        }
        for (Error error : errors) {
            String anyOfSchema = anyOfSchemaPointer(error);
            if (anyOfSchema != null) {
                // no branch matched: one message for the whole anyOf, at the object that holds it
                ConfigProblem problem = anyOfProblem(doc, anyOfInstancePointer(error, anyOfSchema), schemaTree.at(anyOfSchema));
                if (seen.add(problem.format())) {
                    problems.add(problem);
                }
                continue;
            }
            if (isInsideCombinator(error)) {
                continue; // reported once, by the oneOf itself
            }
            if (!"type".equals(error.getKeyword()) && typeErrors.contains(pointer(error.getInstanceLocation()))) {
                continue; // a value of the wrong type fails enum/pattern too: say it once
            }
            ConfigProblem problem = toProblem(doc, error);
            if (seen.add(problem.format())) {
                problems.add(problem);
            }
        }
        problems.sort(Comparator.comparingInt((ConfigProblem p) -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return problems;
    }

    private ConfigProblem toProblem(ConfigDocument doc, Error error) {
        String pointer = pointer(error.getInstanceLocation());
        JsonNode value = error.getInstanceNode();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        JsonNode owner = schemaOwner(error);
        if (owner.has("oneOf") && (keyword.equals("oneOf") || keyword.endsWith("Properties"))) {
            return oneOfProblem(doc, pointer, value, owner);
        }
        switch (keyword) {
            case "additionalProperties": {
                String key = error.getProperty();
                String child = ConfigPath.child(pointer, key);
                return doc.problemAtKey(child, "unknown key \"" + key + "\"" + expectedKeys(owner));
            }
            case "required": {
                String key = error.getProperty();
                return doc.problemAt(pointer, "missing required key \"" + key + "\"" + described(owner.path("properties").path(key)));
            }
            case "type":
                return doc.problemAt(pointer, "expected " + article(owner.path("type")) + " (got " + describe(value) + ")"
                        + quoteHint(owner.path("type"), value));
            case "enum":
                return doc.problemAt(pointer, "expected one of " + join(owner.path("enum")) + " (got " + describe(value) + ")"
                        + quoteHint(owner.path("enum"), value));
            case "const":
                return doc.problemAt(pointer, "expected " + owner.path("const") + " (got " + describe(value) + ")");
            case "not":
                return doc.problemAt(pointer, firstNonEmpty(owner.path("not").path("description").asText(""),
                        owner.path("description").asText(""), clean(error.getMessage())));
            default:
                String expected = owner.path("description").asText("");
                if (expected.isEmpty()) {
                    return doc.problemAt(pointer, clean(error.getMessage()));
                }
                return doc.problemAt(pointer, "expected " + expected + " (got " + describe(value) + ")");
        }
    }

    /** "exactly one of oauth, existingSecret, ..." with the keys actually present. */
    private ConfigProblem oneOfProblem(ConfigDocument doc, String pointer, JsonNode value, JsonNode owner) {
        List<String> candidates = new ArrayList<>();
        for (JsonNode branch : owner.path("oneOf")) {
            branch.path("required").forEach(r -> candidates.add(r.asText()));
        }
        if (candidates.isEmpty() || value == null || !value.isObject()) {
            return doc.problemAt(pointer, firstNonEmpty(owner.path("description").asText(""), "does not match exactly one allowed form"));
        }
        List<String> present = new ArrayList<>();
        for (String c : candidates) {
            if (value.has(c)) {
                present.add(c);
            }
        }
        return doc.problemAt(pointer, "set exactly one of " + String.join(", ", candidates)
                + " (got " + (present.isEmpty() ? "none" : String.join(", ", present)) + ")");
    }

    /** "set routes (at least one CIDR) or exitNode: true": the branches' own descriptions. */
    private ConfigProblem anyOfProblem(ConfigDocument doc, String pointer, JsonNode owner) {
        List<String> forms = new ArrayList<>();
        owner.path("anyOf").forEach(branch -> forms.add(branch.path("description").asText("")));
        if (forms.contains("")) {
            return doc.problemAt(pointer, firstNonEmpty(owner.path("description").asText(""), "does not match any allowed form"));
        }
        return doc.problemAt(pointer, "set " + String.join(" or ", forms));
    }

    /** The schema pointer of the anyOf a branch error comes from, or null. */
    private static String anyOfSchemaPointer(Error error) {
        String fragment = fragment(error);
        int at = fragment.lastIndexOf("/anyOf/");
        return at < 0 ? null : fragment.substring(0, at);
    }

    /** The object the anyOf applies to: the error's instance, less one step per "properties" inside the branch. */
    private static String anyOfInstancePointer(Error error, String anyOfSchema) {
        String inside = fragment(error).substring(anyOfSchema.length());
        int steps = inside.split("/properties/", -1).length - 1;
        String pointer = pointer(error.getInstanceLocation());
        for (int i = 0; i < steps; i++) {
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
        return pointer;
    }

    private static String fragment(Error error) {
        String location = error.getSchemaLocation() == null ? "" : error.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        return hash < 0 ? "" : location.substring(hash + 1);
    }

    private static boolean isInsideCombinator(Error error) {
        NodePath eval = error.getEvaluationPath();
        if (eval == null) {
            return false;
        }
        int count = eval.getNameCount();
        for (int i = 0; i < count - 1; i++) {
            if ("oneOf".equals(eval.getName(i))) {
                return true;
            }
        }
        return false;
    }

    /** The schema object that holds the failing keyword, looked up in our own tree by its location. */
    private JsonNode schemaOwner(Error error) {
        String fragment = fragment(error);
        JsonNode node = schemaTree.at(fragment.isEmpty() ? "" : fragment);
        String keyword = error.getKeyword();
        if (keyword != null && fragment.endsWith("/" + keyword)) {
            node = schemaTree.at(fragment.substring(0, fragment.length() - keyword.length() - 1));
        }
        return node.isMissingNode() ? schemaTree : node;
    }

    private static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        if (path == null) {
            return "";
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                sb.append('/').append(index);
            } else {
                sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
            }
        }
        return sb.toString();
    }

    private static String expectedKeys(JsonNode owner) {
        JsonNode props = owner.path("properties");
        if (!props.isObject() || props.isEmpty()) {
            return "";
        }
        StringJoiner names = new StringJoiner(", ");
        props.fieldNames().forEachRemaining(names::add);
        return "; expected one of: " + names;
    }

    private static String described(JsonNode propertySchema) {
        String d = propertySchema.path("description").asText("");
        return d.isEmpty() ? "" : " (" + d + ")";
    }

    private static String article(JsonNode type) {
        if (type.isArray()) {
            StringJoiner sj = new StringJoiner(" or ");
            type.forEach(t -> sj.add(article(t)));
            return sj.toString();
        }
        return switch (type.asText()) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> type.asText();
        };
    }

    /** YAML reads unquoted 1.13, false or on as numbers/booleans: say so when a string was meant. */
    private static String quoteHint(JsonNode expected, JsonNode value) {
        boolean wantsString = expected.asText().equals("string")
                || (expected.isArray() && expected.size() > 0 && expected.get(0).isTextual());
        if (wantsString && value != null && (value.isNumber() || value.isBoolean())) {
            return "; quote it: \"" + value.asText() + "\"";
        }
        return "";
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (text.length() > 80) {
                text = text.substring(0, 77) + "...";
            }
            return "\"" + text.replace("\n", "\\n") + "\"";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isBoolean()) {
            return "boolean " + value.asText();
        }
        return "number " + value.asText();
    }

    private static String join(JsonNode values) {
        StringJoiner sj = new StringJoiner(", ");
        for (Iterator<JsonNode> it = values.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            sj.add(v.isTextual() ? "\"" + v.asText() + "\"" : v.toString());
        }
        return sj.toString();
    }

    private static String clean(String message) {
        if (message == null) {
            return "is not valid";
        }
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }

    private static String firstNonEmpty(String... candidates) {
        for (String c : candidates) {
            if (!c.isEmpty()) {
                return c;
            }
        }
        return "";
    }
}
