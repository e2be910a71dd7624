package dev.tailgen.talos;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Talos minor version ("1.13"), the unit in which the machine-config format changes.
 *
 * @param major major version, e.g. 1
 * @param minor minor version, e.g. 13
 */
public record TalosVersion(int major, int minor) implements Comparable<TalosVersion> {

    /** First version whose schema carries manifests as typed documents instead of {@code cluster.*} fields. */
    private static final TalosVersion MANIFEST_DOCUMENTS = new TalosVersion(1, 14);

    private static final Pattern VERSION =
            Pattern.compile("v?(\\d{1,6})\\.(\\d{1,6})(?:\\.\\d{1,6}(?:-[0-9A-Za-z.-]+)?)?");

    public TalosVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException(
                    "a Talos version has non-negative numbers (got " + major + "." + minor + ")");
        }
    }

    /**
     * Parses "1.13", "v1.14" or "1.13.9" (a patch level, with an optional pre-release suffix such as
     * "v1.14.0-rc.1", is accepted and dropped).
     *
     * @throws IllegalArgumentException when the text is not such a version
     */
    public static TalosVersion parse(String text) {
        Matcher m = text == null ? null : VERSION.matcher(text.strip());
        if (m == null || !m.matches()) {
            String got = text == null ? "null" : "\"" + text + "\"";
            throw new IllegalArgumentException("expected a Talos version like \"1.13\" (got " + got + ")");
        }
        return new TalosVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * True from 1.14 on: manifests go into {@code KubeInlineManifestConfig} / {@code KubeExternalManifestConfig}
     * documents (the 1.14 schema removed {@code cluster.inlineManifests} and {@code cluster.extraManifests}).
     */
    public boolean usesManifestDocuments() {
        return compareTo(MANIFEST_DOCUMENTS) >= 0;
    }

    /** The same release moved {@code cluster.apiServer} into a {@code KubeAPIServerConfig} document (which names its image). */
    public boolean usesApiServerDocument() {
        return compareTo(MANIFEST_DOCUMENTS) >= 0;
    }

    @Override
    public int compareTo(TalosVersion other) {
        int byMajor = Integer.compare(major, other.major);
        return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
    }

    /** "1.13". */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
