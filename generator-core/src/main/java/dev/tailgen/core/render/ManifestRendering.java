package dev.tailgen.core.render;

import dev.tailgen.core.output.YamlSerializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders template calls, re-parses what each one wrote (unknown fields fail) and writes each
 * object back out, one call at a time on every core ({@link InOrder}): at scale this is most of a
 * run. Objects come back grouped and in call order.
 */
public final class ManifestRendering {
    private final TemplateRenderer renderer;
    private final ManifestParser parser;
    private final YamlSerializer serializer;

    public ManifestRendering(TemplateRenderer renderer, ManifestParser parser, YamlSerializer serializer) {
        this.renderer = renderer;
        this.parser = parser;
        this.serializer = serializer;
    }

    public <K> Map<K, List<WrittenObject>> render(Map<K, List<TemplateCall>> groups) {
        List<TemplateCall> calls = new ArrayList<>();
        groups.values().forEach(calls::addAll);
        List<List<WrittenObject>> written = InOrder.map(calls, this::render);
        Map<K, List<WrittenObject>> out = new LinkedHashMap<>();
        int next = 0;
        for (Map.Entry<K, List<TemplateCall>> group : groups.entrySet()) {
            List<WrittenObject> objects = new ArrayList<>();
            for (int i = 0; i < group.getValue().size(); i++) {
                objects.addAll(written.get(next++));
            }
            out.put(group.getKey(), objects);
        }
        return out;
    }

    public List<WrittenObject> render(List<TemplateCall> calls) {
        return render(Map.of("", calls)).get("");
    }

    private List<WrittenObject> render(TemplateCall call) {
        String text = renderer.render(call.template(), call.context());
        return parser.parse(call.template(), text).stream()
                .map(m -> WrittenObject.of(m, serializer.write(m.tree())))
                .toList();
    }
}
