package dev.tailgen.core.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.problem.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config against the release data: {@code operator.version} on a known line, and no key the
 * chosen line lacks. Runs after the schema, so the version has the right form.
 */
public final class ReleaseChecks {
    private static final String VERSION = "/operator/version";

    private ReleaseChecks() {
    }

    public static List<ConfigProblem> check(ConfigDocument doc, ReleaseCatalog catalog) {
        List<ConfigProblem> problems = new ArrayList<>();
        JsonNode version = doc.tree().at(VERSION);
        OperatorRelease release;
        if (version.isTextual()) {
            OperatorVersion v = OperatorVersion.parse(version.asText());
            Optional<OperatorRelease> known = catalog.release(v);
            if (known.isEmpty()) {
                problems.add(doc.problemAt(VERSION, v + " is on release line " + v.line() + ", which this plugin does not know; it knows "
                        + catalog.lineNames() + ": pin a release of one of those (the default is " + catalog.defaultRelease().versionText()
                        + "), or use a plugin release that knows " + v.line()));
                return problems;
            }
            release = known.get();
        } else {
            release = catalog.defaultRelease();
        }
        for (ReleaseLine.Lack lack : release.line().lacks()) {
            for (String pointer : present(doc.tree(), lack.key())) {
                problems.add(doc.problemAtKey(pointer, "needs operator " + lack.since() + " or newer; " + release.versionText()
                        + " lacks it: " + lack.why() + "; remove the key or pin a release of " + linesWith(catalog, lack.key())));
            }
        }
        return problems;
    }

    /** {@code v1.4.x}, or {@code v1.4.x or v1.6.x}: the lines that do not lack the key. */
    private static String linesWith(ReleaseCatalog catalog, String key) {
        List<String> names = catalog.lines().stream()
                .filter(l -> l.lacks().stream().noneMatch(x -> x.key().equals(key)))
                .map(ReleaseLine::line).toList();
        return names.isEmpty() ? "a newer line" : String.join(" or ", names);
    }

    /** The concrete pointers in {@code tree} that {@code pattern} names; a {@code *} segment matches every index or key. */
    static List<String> present(JsonNode tree, String pattern) {
        List<String> out = new ArrayList<>();
        walk(tree, pattern.substring(1).split("/", -1), 0, "", out);
        return out;
    }

    private static void walk(JsonNode node, String[] segments, int i, String at, List<String> out) {
        if (i == segments.length) {
            out.add(at);
            return;
        }
        String s = segments[i];
        if (s.equals("*")) {
            if (node.isArray()) {
                for (int k = 0; k < node.size(); k++) {
                    walk(node.get(k), segments, i + 1, at + "/" + k, out);
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    walk(e.getValue(), segments, i + 1, at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
                }
            }
            return;
        }
        JsonNode child = node.isArray() && s.matches("[0-9]+") ? node.get(Integer.parseInt(s)) : node.get(s);
        if (child != null && !child.isMissingNode()) {
            walk(child, segments, i + 1, at + "/" + s, out);
        }
    }
}
