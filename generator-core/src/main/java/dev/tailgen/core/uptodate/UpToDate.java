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
    static final String CHECKED = "checked: ";

    private UpToDate() {
    }

    /**
     * The marker lines to write with the output.
     *
     * @param checked {@link Fingerprint#ofChecks} of the inputs this output passed every check on
     */
    public static String markerLines(String fingerprint, String checked, List<OutputFile> files) {
        Map<String, byte[]> contents = new TreeMap<>();
        for (OutputFile f : files) {
            contents.put(f.path(), f.secret() ? sizeOnly(f.bytes().length) : f.bytes());
        }
        return FINGERPRINT + fingerprint + "\n" + OUTPUTS + digest(contents) + "\n" + CHECKED + checked + "\n";
    }

    /**
     * Whether the output folder's marker says a generate passed every check on inputs with this
     * {@link Fingerprint#ofChecks} digest: validate's work is done. The output files themselves do
     * not matter here (validate compares no output), so a committed output folder lets CI skip.
     */
    public static boolean checked(Path outputDirectory, String checked) {
        Path marker = outputDirectory.resolve(OutputWriter.MARKER);
        try {
            return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).contains(CHECKED + checked + "\n");
        } catch (IOException e) {
            return false; // when in doubt, check
        }
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

    /** What validate says when it skips on {@link #checked}; {@code force} names the front-end's switch. */
    public static String checkedSkip(String config, String outputDirectory, String checked, String force) {
        return config + " passed every check when " + outputDirectory + " was generated, and neither it, its bases, its crdSource"
                + " files nor the code that checks it changed since (checks fingerprint " + checked.substring(0, 12) + "); nothing checked. "
                + force + " checks anyway";
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
