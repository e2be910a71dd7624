package dev.tailgen.core.release;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tailgen.core.problem.GenerationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operator release lines this plugin knows: every {@code tailgen/releases/<line>/release.yaml} on
 * the class path (the repository's {@code releases/} folder). A new line is a new folder; nothing
 * lists the folders by hand.
 */
public final class ReleaseCatalog {
    static final String ROOT = "tailgen/releases/";
    private static final String DESCRIPTOR = "release.yaml";
    /** A resource that ships in the same jar or folder as the release data. */
    private static final String ANCHOR = "tailgen/schemas/tailscale.schema.json";

    private final List<ReleaseLine> lines;
    private final OperatorRelease defaultRelease;

    /** Read on first use; a failure is not kept, so every caller gets the GenerationException itself. */
    private static volatile ReleaseCatalog bundled;

    private ReleaseCatalog(List<ReleaseLine> lines) {
        List<ReleaseLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing((ReleaseLine l) -> OperatorVersion.parse(l.tested().get(0))));
        this.lines = List.copyOf(sorted);
        List<ReleaseLine> defaults = sorted.stream().filter(l -> l.defaultVersion() != null).toList();
        if (defaults.size() != 1) {
            throw new GenerationException("release data: exactly one line must set default (got "
                    + defaults.stream().map(ReleaseLine::line).toList() + ")", false);
        }
        this.defaultRelease = new OperatorRelease(OperatorVersion.parse(defaults.get(0).defaultVersion()), defaults.get(0));
    }

    /** The lines shipped in the plugin jar, read once per JVM. */
    public static ReleaseCatalog bundled() {
        ReleaseCatalog catalog = bundled;
        if (catalog == null) {
            synchronized (ReleaseCatalog.class) { // read once even when two threads ask at once
                catalog = bundled;
                if (catalog == null) {
                    bundled = catalog = load(ReleaseCatalog.class.getClassLoader());
                }
            }
        }
        return catalog;
    }

    /**
     * Checks each descriptor: the required parts are there, its tested patches are on its line and
     * newest first, its default is one of them, its CRD names are distinct.
     */
    static ReleaseCatalog of(List<ReleaseLine> lines) {
        for (ReleaseLine l : lines) {
            String what = "release data " + l.line() + ": ";
            if (l.tested() == null || l.tested().isEmpty() || l.crds() == null || l.rbac() == null || l.images() == null
                    || l.deployment() == null || l.reference() == null) {
                throw new GenerationException(what + "tested, reference, images, crds, rbac and deployment are required", false);
            }
            List<OperatorVersion> tested = l.tested().stream().map(OperatorVersion::parse).toList();
            for (OperatorVersion v : tested) {
                if (!v.line().equals(l.line())) {
                    throw new GenerationException(what + v + " is not on that line", false);
                }
            }
            if (!tested.equals(tested.stream().sorted(Comparator.reverseOrder()).distinct().toList())) {
                throw new GenerationException(what + "tested must list distinct patches, newest first (got " + l.tested() + ")", false);
            }
            if (l.defaultVersion() != null && !l.tested().contains(l.defaultVersion())) {
                throw new GenerationException(what + "the default " + l.defaultVersion() + " must be one of the tested patches", false);
            }
            if (l.crds().stream().map(ReleaseLine.Crd::name).distinct().count() != l.crds().size()) {
                throw new GenerationException(what + "a CRD is listed twice", false);
            }
        }
        return new ReleaseCatalog(lines);
    }

    static ReleaseCatalog load(ClassLoader loader) {
        ObjectMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        List<ReleaseLine> lines = new ArrayList<>();
        for (String folder : folders(loader)) {
            String resource = ROOT + folder + "/" + DESCRIPTOR;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    continue; // a folder without a descriptor is not a line
                }
                ReleaseLine line = yaml.readValue(in, ReleaseLine.class);
                if (!folder.equals(line.line())) {
                    throw new GenerationException("release data " + resource + ": line " + line.line() + " in folder " + folder, false);
                }
                lines.add(line);
            } catch (IOException e) {
                throw new GenerationException("release data " + resource + " cannot be read: " + e.getMessage(), e);
            }
        }
        if (lines.isEmpty()) {
            throw new GenerationException("the plugin jar holds no release data under " + ROOT, false);
        }
        return of(lines);
    }

    /**
     * The folder names under {@link #ROOT}, from a class-path folder (tests, IDEs) or the plugin jar.
     * Found through the config schema, which ships in the same place ({@code getResource} of a folder
     * needs directory entries, which a jar need not have).
     */
    private static List<String> folders(ClassLoader loader) {
        URL anchor = loader.getResource(ANCHOR);
        if (anchor == null) {
            throw new GenerationException("the plugin jar lacks " + ANCHOR, false);
        }
        try {
            if (anchor.getProtocol().equals("file")) {
                Path root = Path.of(anchor.toURI()).getParent().getParent().resolve("releases");
                try (Stream<Path> list = Files.list(root)) {
                    return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
                }
            }
            if (anchor.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false); // our own JarFile, so closing it leaves the class loader's open
                try (JarFile jar = connection.getJarFile()) {
                    TreeSet<String> names = new TreeSet<>();
                    for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                        String n = e.getName();
                        if (n.startsWith(ROOT) && n.endsWith("/" + DESCRIPTOR)) {
                            names.add(n.substring(ROOT.length(), n.length() - DESCRIPTOR.length() - 1));
                        }
                    }
                    return List.copyOf(names);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new GenerationException("release data beside " + anchor + " cannot be listed: " + e.getMessage(), e);
        }
        throw new GenerationException("release data beside " + anchor + ": cannot list a " + anchor.getProtocol() + " URL", false);
    }

    /** Oldest line first. */
    public List<ReleaseLine> lines() {
        return lines;
    }

    public OperatorRelease defaultRelease() {
        return defaultRelease;
    }

    /** {@code v1.2.x, v1.4.x}: every line, oldest first */
    public String lineNames() {
        return lines.stream().map(ReleaseLine::line).collect(Collectors.joining(", "));
    }

    /** The release for a version on a known line, tested or not. */
    public Optional<OperatorRelease> release(OperatorVersion version) {
        return lines.stream().filter(l -> l.line().equals(version.line())).findFirst()
                .map(l -> new OperatorRelease(version, l));
    }

    /** The release {@code operator.version} names (default when null); the config checks refused an unknown line. */
    public OperatorRelease resolve(String version) {
        if (version == null) {
            return defaultRelease;
        }
        return release(OperatorVersion.parse(version)).orElseThrow(
                () -> new GenerationException("operator.version " + version + " passed the checks but is on no known line", false));
    }
}
