package dev.tailgen.core.uptodate;

import dev.tailgen.core.config.ExtendsLine;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.config.SecretSource.ServerCredentials;
import dev.tailgen.talos.NamePatterns;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a generate depends on, as one SHA-256: the code that shapes the output (the core with its
 * templates and schema, the Talos library and the libraries that render and write, each jar by its
 * central directory), the config file and each base its {@code extends} names, every placeholder's resolved value (hashed, never kept in clear:
 * only this digest is stored), the files {@code ${file:...}} and {@code crdSource} point at. Reads
 * raw bytes and scans the config text; it loads no template engine, schema or YAML parser, so an
 * up-to-date build costs a few milliseconds.
 */
public final class Fingerprint {
    private static final Pattern PLACEHOLDER = NamePatterns.PLACEHOLDER_PATTERN;
    private static final Pattern CRD_SOURCE = Pattern.compile("(?m)^\\s*crdSource:\\s*[\"']?([^\"'#\\s]+)");
    private static volatile byte[] codeDigest;

    private Fingerprint() {
    }

    public static String of(Path config, SecretSource secrets) {
        return digest("tailgen-fingerprint-v1", config, secrets);
    }

    /**
     * What the checks alone depend on, with no placeholder resolved: the code, the config chain and
     * the crdSource trees. A generate that passed on these inputs passed every check validate runs
     * (validate resolves nothing, and generate runs the same checks and more), so generate records it
     * and validate may skip on it ({@link UpToDate#checked}). Holds no secret's value in any form.
     */
    public static String ofChecks(Path config) {
        return digest("tailgen-checks-v1", config, null);
    }

    /** @param secrets null: hash each placeholder as written, not its value */
    private static String digest(String tag, Path config, SecretSource secrets) {
        MessageDigest sha = sha256();
        update(sha, tag);
        sha.update(code());
        Path base = config.toAbsolutePath().getParent(); // relative paths in every file of the chain resolve here
        Set<Path> seen = new HashSet<>();
        Path file = config;
        // the config, then each base its extends line names (the loader refuses an extends this scan would miss)
        while (true) {
            byte[] bytes = read(file);
            sha.update(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            hashReferences(sha, text, base, secrets);
            Optional<String> extended = ExtendsLine.scan(text);
            if (extended.isEmpty() || !seen.add(file.toAbsolutePath().normalize()) || seen.size() > ExtendsLine.MAX_FILES) {
                break; // a cycle or an over-long chain fails the load; the digest only has to be stable
            }
            update(sha, "\0extends " + extended.get());
            Optional<Path> next = resolve(file.toAbsolutePath().getParent(), extended.get());
            if (next.isEmpty()) {
                break; // not a path (a NUL in it): the loader refuses it
            }
            file = next.get().normalize();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Every placeholder's resolved value and every crdSource tree {@code text} names. */
    private static void hashReferences(MessageDigest sha, String text, Path base, SecretSource secrets) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (secrets != null && m.find()) {
            update(sha, m.group());
            switch (m.group(1)) {
                case "env" -> update(sha, secrets.environment(m.group(2)).orElse("\0unset"));
                case "file" -> sha.update(resolve(base, m.group(2)).map(Fingerprint::readOrMarker)
                        .orElse("\0not a path".getBytes(StandardCharsets.UTF_8)));
                default -> {
                    Optional<ServerCredentials> server = secrets.server(m.group(2));
                    update(sha, server.map(s -> s.username() + "\0" + s.password().reveal()).orElse("\0unset"));
                }
            }
        }
        Matcher crd = CRD_SOURCE.matcher(text);
        while (crd.find()) {
            resolve(base, crd.group(1)).ifPresentOrElse(tree -> hashTree(sha, tree), () -> update(sha, "\0not a path"));
        }
    }

    /** The core's jar (or classes folder): code, templates and schema in one. Hashed once per JVM. */
    /**
     * One resource of each artifact whose code shapes the output: the core (with its templates, schema
     * and release data), the Talos library, and the libraries that parse, render, check and write.
     * Found by resource name, so no class loads; one shaded jar holding them all is hashed once.
     */
    private static final List<String> OUTPUT_CODE = List.of(
            "dev/tailgen/core/uptodate/Fingerprint.class",
            "dev/tailgen/talos/TalosVersion.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class",
            "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class",
            "org/yaml/snakeyaml/Yaml.class",
            "com/hubspot/jinjava/Jinjava.class",
            "io/fabric8/kubernetes/api/model/Pod.class",
            "com/networknt/schema/Schema.class");

    private static byte[] code() {
        byte[] digest = codeDigest;
        if (digest == null) {
            MessageDigest sha = sha256();
            ClassLoader loader = Fingerprint.class.getClassLoader();
            Set<Path> seen = new HashSet<>();
            for (String resource : OUTPUT_CODE) {
                Path location = location(loader.getResource(resource), resource);
                if (location == null) {
                    update(sha, "\0missing " + resource);
                } else if (seen.add(location)) {
                    hashCode(sha, location);
                }
            }
            digest = sha.digest();
            codeDigest = digest;
        }
        return digest;
    }

    /** The jar or classes folder a resource comes from, or null when it is not on the class path. */
    private static Path location(URL url, String resource) {
        if (url == null) {
            return null;
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String file = url.getPath(); // file:/.../x.jar!/dev/...
                return Path.of(new URI(file.substring(0, file.indexOf("!/"))));
            }
            Path path = Path.of(url.toURI());
            for (int i = 0; i < resource.split("/").length; i++) {
                path = path.getParent();
            }
            return path;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(url.toString()); // an unusual class loader: its URL still names the code
        }
    }

    /**
     * A jar by its central directory (each entry's name, CRC-32 and size): megabytes of bundled
     * libraries cost a read of their index, not of their bytes. The directory is hashed as it is
     * stored, in one read; a jar this cannot read so (ZIP64, a damaged end record) entry by entry.
     * A classes folder file by file.
     */
    private static void hashCode(MessageDigest sha, Path location) {
        if (Files.isRegularFile(location)) {
            byte[] directory = centralDirectory(location);
            if (directory != null) {
                update(sha, "\0zip central directory");
                sha.update(directory);
                return;
            }
            try (ZipFile zip = new ZipFile(location.toFile())) {
                List<ZipEntry> entries = new ArrayList<>(zip.stream().toList());
                entries.sort(Comparator.comparing(ZipEntry::getName));
                ByteBuffer numbers = ByteBuffer.allocate(16);
                for (ZipEntry e : entries) {
                    update(sha, e.getName());
                    numbers.clear();
                    numbers.putLong(e.getCrc()).putLong(e.getSize());
                    sha.update(numbers.array());
                }
                return;
            } catch (IOException e) {
                sha.update(read(location)); // not a zip: its bytes
                return;
            }
        }
        hashTree(sha, location);
    }

    /** The central directory's bytes, found through the end record (APPNOTE.TXT 4.3.16), or null to read the jar entry by entry. */
    static byte[] centralDirectory(Path jar) {
        try (FileChannel channel = FileChannel.open(jar)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, 22 + 0xFFFF); // the end record, 22 bytes, then a comment of up to 64 KiB
            ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, size - tailLength);
            for (int at = tailLength - 22; at >= 0; at--) {
                if (tail.getInt(at) == 0x06054b50 && at + 22 + Short.toUnsignedInt(tail.getShort(at + 20)) == tailLength) {
                    long length = Integer.toUnsignedLong(tail.getInt(at + 12));
                    long offset = Integer.toUnsignedLong(tail.getInt(at + 16));
                    if (length == 0xFFFFFFFFL || offset == 0xFFFFFFFFL || offset + length > size - tailLength + at) {
                        return null; // ZIP64 or inconsistent
                    }
                    ByteBuffer directory = ByteBuffer.allocate((int) length);
                    while (directory.hasRemaining() && channel.read(directory, offset + directory.position()) > 0) {
                        // read until full
                    }
                    return directory.hasRemaining() ? null : directory.array();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void hashTree(MessageDigest sha, Path root) {
        if (!Files.isDirectory(root)) {
            update(sha, "\0missing " + root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) {
                update(sha, root.relativize(f).toString().replace('\\', '/'));
                sha.update(read(f));
            }
        } catch (IOException e) {
            update(sha, "\0unreadable " + root);
        }
    }

    /** {@code relative} against {@code base}, or empty when it is no path here (the loader refuses the config). */
    private static Optional<Path> resolve(Path base, String relative) {
        try {
            return Optional.of(base.resolve(relative));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static byte[] readOrMarker(Path file) {
        return Files.isRegularFile(file) ? read(file) : ("\0missing " + file).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            return ("\0unreadable " + file).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
