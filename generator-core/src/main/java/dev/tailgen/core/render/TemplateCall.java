package dev.tailgen.core.render;

import java.util.Map;

/**
 * One template with the context it renders with. The sections say what to render; the generator
 * renders and re-parses all of them at once ({@link ManifestRendering}).
 */
public record TemplateCall(String template, Map<String, ?> context) {
}
