package dev.tailgen.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.tree.Node;
import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Renders the templates under {@code templates/} with Jinjava in its strict form: unknown variables
 * and filters fail, values are never re-interpreted as template code, and every interpolated value
 * goes through {@code q} (a JSON string, which is a YAML double-quoted scalar) or {@code json}
 * (a JSON flow value, also valid YAML). Any error of any severity fails the render.
 */
public final class TemplateRenderer {
    public static final String ROOT = "tailgen/templates/";
    static final long MAX_OUTPUT_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Jinjava jinjava;
    private final JinjavaConfig config;
    /** Filters, functions and tags copied once: Jinjava's renderForResult copies them on every call. */
    private final Context base;
    private final Map<String, Node> parsed = new ConcurrentHashMap<>();

    public TemplateRenderer() {
        this(false);
    }

    /** @param validationMode also evaluate branches not taken (template lint) */
    public TemplateRenderer(boolean validationMode) {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withNestedInterpretationEnabled(false)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withKeepTrailingNewline(true)
                .withMaxOutputSize(MAX_OUTPUT_BYTES)
                .withValidationMode(validationMode)
                // filters called directly rather than looked up by reflection per call (a third of
                // rendering); the lint's validation mode needs the plain path, which evaluates the
                // filtered value where the optimized one skips it
                .withEnableFilterChainOptimization(!validationMode)
                .withLocale(Locale.ROOT)
                .withTimeZone(ZoneOffset.UTC)
                .build();
        this.config = config;
        this.jinjava = new Jinjava(config);
        jinjava.getGlobalContext().registerFilter(new QuoteFilter());
        jinjava.getGlobalContext().registerFilter(new JsonFilter());
        this.base = jinjava.getGlobalContextCopy();
    }

    /** Renders with a fresh context and interpreter over the template's cached parse tree. */
    public String render(String template, Map<String, ?> context) {
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, new Context(base, context, config.getDisabled()), config);
        JinjavaInterpreter.pushCurrent(interpreter);
        String output;
        try {
            Node root = parsed.computeIfAbsent(template, name -> parse(interpreter, name));
            output = interpreter.render(root);
        } catch (InterpretException e) {
            throw new GenerationException("template " + template + " failed to render: " + e.getMessage(), false);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        if (!interpreter.getErrors().isEmpty()) {
            // messages name the template and the fault, never the context (which may hold secrets)
            String errors = interpreter.getErrors().stream()
                    .map(TemplateRenderer::describe)
                    .collect(Collectors.joining("; "));
            throw new GenerationException("template " + template + " failed to render: " + errors, false);
        }
        return output;
    }

    private static Node parse(JinjavaInterpreter interpreter, String template) {
        Node root = interpreter.parse(load(template));
        if (!interpreter.getErrors().isEmpty()) {
            String errors = interpreter.getErrors().stream().map(TemplateRenderer::describe).collect(Collectors.joining("; "));
            throw new GenerationException("template " + template + " failed to parse: " + errors, false);
        }
        return root;
    }

    private static String describe(TemplateError e) {
        return "line " + e.getLineno() + ": " + e.getSeverity() + " " + e.getReason()
                + (e.getFieldName() == null ? "" : " (" + e.getFieldName() + ")");
    }

    private static String load(String template) {
        try (InputStream in = TemplateRenderer.class.getClassLoader().getResourceAsStream(ROOT + template)) {
            if (in == null) {
                throw new GenerationException("the plugin jar lacks template " + ROOT + template, false);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GenerationException("cannot read template " + template, e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new GenerationException("cannot write a template value as JSON: " + e.getOriginalMessage(), false);
        }
    }

    /** {@code {{ v | q }}}: any value as one JSON string; null fails instead of rendering "". */
    static final class QuoteFilter implements Filter {
        @Override
        public String getName() {
            return "q";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            if (var == null) {
                throw new IllegalArgumentException("q: the value is undefined or null");
            }
            return toJson(String.valueOf(var));
        }
    }

    /** {@code {{ v | json }}}: a map or list as a JSON flow value with sorted keys. */
    static final class JsonFilter implements Filter {
        @Override
        public String getName() {
            return "json";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            if (var == null) {
                throw new IllegalArgumentException("json: the value is undefined or null");
            }
            return toJson(var);
        }
    }
}
