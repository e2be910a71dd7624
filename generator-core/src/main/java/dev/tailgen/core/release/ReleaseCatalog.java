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

    private final List<ReleaseLine> lines;
    private final OperatorRelease defaultRelease;

    private static final class Bundled {
        static final ReleaseCatalog INSTANCE = load(ReleaseCatalog.class.getClassLoader());
    }

    private ReleaseCatalog(List<ReleaseLine> lines) {
        List<ReleaseLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(l -> OperatorVersion.parse(l.tested().get(0))));
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
        return Bundled.INSTANCE;
    }

    /** Checks each descriptor: its folder is its line, its tested and default versions are on it. */
    static ReleaseCatalog of(List<ReleaseLine> lines) {
        for (ReleaseLine l : lines) {
            if (l.tested() == null || l.tested().isEmpty() || l.crds() == null || l.rbac() == null || l.images() == null
                    || l.deployment() == null) {
                throw new GenerationException("release data " + l.line() + ": tested, images, crds, rbac and deployment are required", false);
            }
            List<String> versions = new ArrayList<>(l.tested());
            if (l.defaultVersion() != null) {
                versions.add(l.defaultVersion());
            }
            for (String v : versions) {
                if (!OperatorVersion.parse(v).line().equals(l.line())) {
                    throw new GenerationException("release data " + l.line() + ": " + v + " is not on that line", false);
                }
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

    /** The folder names under {@link #ROOT}, from a class-path folder (tests, IDEs) or the plugin jar. */
    private static List<String> folders(ClassLoader loader) {
        URL root = loader.getResource(ROOT);
        if (root == null) {
            throw new GenerationException("the plugin jar lacks " + ROOT, false);
        }
        try {
            if (root.getProtocol().equals("file")) {
                try (Stream<Path> list = Files.list(Path.of(root.toURI()))) {
                    return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
                }
            }
            if (root.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
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
            throw new GenerationException("release data under " + root + " cannot be listed: " + e.getMessage(), e);
        }
        throw new GenerationException("release data under " + root + ": cannot list a " + root.getProtocol() + " URL", false);
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
