package dev.tailgen.core.uptodate;

import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputLayout;
import dev.tailgen.core.output.OutputWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The up-to-date check (Spotless' idea): the output folder's marker records the fingerprint of the
 * inputs and a digest of the files written. A generate may skip when both still hold: same inputs,
 * and nobody changed, added or removed an output file since. Secret files count by size, so their
 * contents are never hashed into the marker.
 */
public final class UpToDate {
    static final String FINGERPRINT = "fingerprint: ";
    static final String OUTPUTS = "outputs: ";

    private UpToDate() {
    }

    /** The marker lines to write with the output. */
    public static String markerLines(String fingerprint, List<OutputFile> files) {
        Map<String, byte[]> contents = new TreeMap<>();
        for (OutputFile f : files) {
            contents.put(f.path(), f.secret() ? sizeOnly(f.bytes().length) : f.bytes());
        }
        return FINGERPRINT + fingerprint + "\n" + OUTPUTS + digest(contents) + "\n";
    }

    public static boolean holds(Path outputDirectory, String fingerprint) {
        Path marker = outputDirectory.resolve(OutputWriter.MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try {
            String text = Files.readString(marker, StandardCharsets.UTF_8);
            if (!text.contains(FINGERPRINT + fingerprint + "\n")) {
                return false;
            }
            Map<String, byte[]> contents = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(outputDirectory)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String rel = outputDirectory.relativize(p).toString().replace('\\', '/');
                    if (!rel.equals(OutputWriter.MARKER)) {
                        contents.put(rel, OutputLayout.isSecret(rel) ? sizeOnly(Files.size(p)) : Files.readAllBytes(p));
                    }
                }
            }
            return text.contains(OUTPUTS + digest(contents) + "\n");
        } catch (IOException e) {
            return false; // when in doubt, render
        }
    }

    private static byte[] sizeOnly(long size) {
        return ("\0secret file of " + size + " bytes").getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(Map<String, byte[]> contents) {
        MessageDigest sha = Fingerprint.sha256();
        contents.forEach((path, bytes) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest());
    }
}
