package dev.tailgen.core.operator;

import dev.tailgen.core.config.ConfigDocument;
import dev.tailgen.core.problem.ConfigException;
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
 * Reads the 8 tailscale.com CRDs for {@code crds: inline} from what the user downloaded: a release
 * manifest (other objects in it are ignored) or a folder of YAML files. All 8 must be there.
 */
public final class CrdSourceReader {
    private static final String POINTER = "/talos/crdSource";

    private final ManifestParser parser;

    public CrdSourceReader(ManifestParser parser) {
        this.parser = parser;
    }

    public List<Manifest> read(ConfigDocument doc, Path source) {
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
        for (String plural : OperatorRelease.CRD_PLURALS) {
            Manifest crd = byName.get(OperatorRelease.crdName(plural));
            if (crd == null) {
                missing.add(OperatorRelease.crdName(plural));
            } else {
                crds.add(crd);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(doc.problemAt(POINTER, source.getFileName() + " lacks " + missing.size()
                    + " of the 8 CRDs of the operator: " + String.join(", ", missing)
                    + "; download the release manifest or all 8 tailscale.com_*.yaml files of the pinned version"));
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
