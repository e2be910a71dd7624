package dev.tailgen.core.uptodate;

import dev.tailgen.core.config.ExtendsLine;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.config.SecretSource.ServerCredentials;
import dev.tailgen.talos.NamePatterns;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a generate depends on, as one SHA-256: the plugin's own code, templates and schema (the core
 * jar's bytes), the config file and each base its {@code extends} names, every placeholder's resolved value (hashed, never kept in clear:
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
        MessageDigest sha = sha256();
        update(sha, "tailgen-fingerprint-v1");
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
            file = file.toAbsolutePath().getParent().resolve(extended.get()).normalize();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Every placeholder's resolved value and every crdSource tree {@code text} names. */
    private static void hashReferences(MessageDigest sha, String text, Path base, SecretSource secrets) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            update(sha, m.group());
            switch (m.group(1)) {
                case "env" -> update(sha, secrets.environment(m.group(2)).orElse("\0unset"));
                case "file" -> sha.update(readOrMarker(base.resolve(m.group(2))));
                default -> {
                    Optional<ServerCredentials> server = secrets.server(m.group(2));
                    update(sha, server.map(s -> s.username() + "\0" + s.password().reveal()).orElse("\0unset"));
                }
            }
        }
        Matcher crd = CRD_SOURCE.matcher(text);
        while (crd.find()) {
            hashTree(sha, base.resolve(crd.group(1)));
        }
    }

    /** The core's jar (or classes folder): code, templates and schema in one. Hashed once per JVM. */
    private static byte[] code() {
        byte[] digest = codeDigest;
        if (digest == null) {
            MessageDigest sha = sha256();
            try {
                hashTree(sha, Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | SecurityException e) {
                update(sha, "unknown-code-location");
            }
            digest = sha.digest();
            codeDigest = digest;
        }
        return digest;
    }

    private static void hashTree(MessageDigest sha, Path root) {
        if (Files.isRegularFile(root)) {
            sha.update(read(root));
            return;
        }
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
