package dev.tailgen.core.operator;

import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.release.OperatorRelease;
import dev.tailgen.core.release.ReleaseLine;
import dev.tailgen.core.render.Manifest;
import dev.tailgen.core.render.ManifestException;
import dev.tailgen.core.render.ManifestParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the tailscale.com CRDs for {@code crds: inline} from what the user downloaded: a release
 * manifest (objects of other groups in it are ignored) or a folder of YAML files. They must be
 * exactly the CRD set of the release's line: a CRD missing, or one of another line, is refused.
 */
public final class CrdSourceReader {
    private static final String POINTER = "/talos/crdSource";

    private final ManifestParser parser;

    public CrdSourceReader(ManifestParser parser) {
        this.parser = parser;
    }

    public List<Manifest> read(ConfigDocument doc, Path source, OperatorRelease release) {
        List<Path> files = files(doc, source);
        Map<String, Manifest> byName = new TreeMap<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException(doc.problemAt(POINTER, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")"));
            }
            List<Manifest> objects;
            try {
                objects = parser.parseOnly(file.getFileName().toString(), text, "CustomResourceDefinition");
            } catch (ManifestException e) {
                throw new ConfigException(doc.problemAt(POINTER, e.getMessage()));
            }
            for (Manifest m : objects) {
                if ("tailscale.com".equals(m.tree().path("spec").path("group").textValue())) {
                    byName.put(m.name(), m);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        List<Manifest> crds = new ArrayList<>();
        for (ReleaseLine.Crd crd : release.crds()) {
            Manifest m = byName.remove(crd.name());
            if (m == null) {
                missing.add(crd.name());
            } else {
                crds.add(m);
            }
        }
        if (!missing.isEmpty() || !byName.isEmpty()) {
            String line = release.line().line();
            StringBuilder message = new StringBuilder(source.getFileName() + " does not hold the CRD set of operator " + line
                    + " (" + release.crds().size() + " CRDs)");
            if (!missing.isEmpty()) {
                message.append("; missing: ").append(String.join(", ", missing));
            }
            if (!byName.isEmpty()) {
                message.append("; not in ").append(line).append(": ").append(String.join(", ", byName.keySet()));
            }
            message.append("; download the release manifest of ").append(release.versionText())
                    .append(" or its tailscale.com_*.yaml files");
            throw new ConfigException(doc.problemAt(POINTER, message.toString()));
        }
        return crds;
    }

    private static List<Path> files(ConfigDocument doc, Path source) {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        if (!Files.isDirectory(source)) {
            throw new ConfigException(doc.problemAt(POINTER, "no such file or folder: " + source));
        }
        try (Stream<Path> list = Files.list(source)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(doc.problemAt(POINTER, "cannot list " + source + " (" + e.getClass().getSimpleName() + ")"));
        }
    }
}
