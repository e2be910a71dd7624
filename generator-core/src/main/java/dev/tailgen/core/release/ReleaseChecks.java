package dev.tailgen.core.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.problem.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
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
            for (String pointer : doc.matching(lack.key())) {
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
}
