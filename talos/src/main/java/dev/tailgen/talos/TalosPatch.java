package dev.tailgen.talos;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders named Kubernetes manifests as a Talos control-plane machine-config patch.
 *
 * <p>Up to Talos 1.13 the patch is one strategic-merge document ({@code cluster.inlineManifests},
 * {@code cluster.extraManifests}); from 1.14 on it is one {@code KubeInlineManifestConfig} /
 * {@code KubeExternalManifestConfig} document per manifest. The output is deterministic: LF line ends, a final
 * newline, entries in the order given (inline before external), no timestamps.
 */
public final class TalosPatch {

    /** Talos' own check of {@code KubeExternalManifestConfig.url}. */
    private static final Pattern URL_SCHEME = Pattern.compile("^(http|https)://");

    private TalosPatch() {
    }

    /**
     * Renders a control-plane patch. headerComment lines are written as "# ..." lines at the top (may be empty
     * list).
     *
     * @throws TalosPatchException when a name, URL or contents is not acceptable, or there is nothing to render
     */
    public static String render(TalosVersion version, List<String> headerComment, List<InlineManifest> inline,
            List<ExternalManifest> external) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headerComment, "headerComment");
        Objects.requireNonNull(inline, "inline");
        Objects.requireNonNull(external, "external");
        if (inline.isEmpty() && external.isEmpty()) {
            throw new TalosPatchException("nothing to render: give at least one inline or external manifest");
        }

        List<String> contents = new ArrayList<>(inline.size());
        ManifestNames inlineNames = new ManifestNames("inline manifest");
        for (int i = 0; i < inline.size(); i++) {
            InlineManifest m = entry(inline.get(i), "inline manifest", i);
            inlineNames.check(m.name(), i + 1);
            contents.add(LiteralBlock.normalise("inline manifest \"" + m.name() + "\"", m.contents()));
        }
        ManifestNames externalNames = new ManifestNames("external manifest");
        for (int i = 0; i < external.size(); i++) {
            ExternalManifest m = entry(external.get(i), "external manifest", i);
            externalNames.check(m.name(), i + 1);
            checkUrl(m);
        }

        StringBuilder out = new StringBuilder();
        writeHeader(out, headerComment);
        if (version.usesManifestDocuments()) {
            writeDocuments(out, inline, contents, external);
        } else {
            writeLegacy(out, inline, contents, external);
        }
        return out.toString();
    }

    /** One strategic-merge document for the v1alpha1 config (Talos 1.13 and older). */
    private static void writeLegacy(StringBuilder out, List<InlineManifest> inline, List<String> contents,
            List<ExternalManifest> external) {
        out.append("cluster:\n");
        if (!inline.isEmpty()) {
            out.append("  inlineManifests:\n");
            for (int i = 0; i < inline.size(); i++) {
                out.append("    - name: ").append(Scalars.scalar(inline.get(i).name())).append('\n');
                LiteralBlock.write(out, 6, "contents", contents.get(i));
            }
        }
        if (!external.isEmpty()) {
            out.append("  extraManifests:\n");
            for (ExternalManifest m : external) {
                out.append("    - ").append(Scalars.scalar(m.url())).append('\n');
            }
        }
    }

    /** One typed document per manifest (Talos 1.14 and newer). */
    private static void writeDocuments(StringBuilder out, List<InlineManifest> inline, List<String> contents,
            List<ExternalManifest> external) {
        boolean first = true;
        for (int i = 0; i < inline.size(); i++) {
            first = separate(out, first);
            out.append("apiVersion: v1alpha1\n")
                    .append("kind: KubeInlineManifestConfig\n")
                    .append("name: ").append(Scalars.scalar(inline.get(i).name())).append('\n');
            LiteralBlock.write(out, 0, "manifest", contents.get(i));
        }
        for (ExternalManifest m : external) {
            first = separate(out, first);
            out.append("apiVersion: v1alpha1\n")
                    .append("kind: KubeExternalManifestConfig\n")
                    .append("name: ").append(Scalars.scalar(m.name())).append('\n')
                    .append("url: ").append(Scalars.scalar(m.url())).append('\n');
        }
    }

    private static boolean separate(StringBuilder out, boolean first) {
        if (!first) {
            out.append("---\n");
        }
        return false;
    }

    /** The "# ..." lines atop a patch; shared by every patch this module writes, so each gets the same check. */
    static void writeHeader(StringBuilder out, List<String> headerComment) {
        int number = 0;
        for (String entry : headerComment) {
            String text = entry == null ? "" : entry;
            for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
                number++;
                int bad = LiteralBlock.firstUnprintable(line);
                if (bad >= 0) {
                    throw new TalosPatchException("header comment line " + number + " contains the character "
                            + LiteralBlock.codePoint(bad) + ", which a YAML comment cannot hold; remove it");
                }
                String kept = LiteralBlock.stripTrailingSpaces(line);
                out.append(kept.isEmpty() ? "#" : "# " + kept).append('\n');
            }
        }
    }

    private static void checkUrl(ExternalManifest m) {
        String owner = "external manifest \"" + m.name() + "\"";
        String url = m.url();
        if (url == null) {
            throw new TalosPatchException(owner + " has no URL: give an http:// or https:// URL pinned to a tag");
        }
        if (!URL_SCHEME.matcher(url).lookingAt()) {
            throw new TalosPatchException(owner + " URL \"" + url + "\" does not match ^(http|https)://:"
                    + " give an http:// or https:// URL pinned to a tag");
        }
        for (int i = 0; i < url.length(); ) {
            int cp = url.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                    || LiteralBlock.firstUnprintable(new String(Character.toChars(cp))) >= 0) {
                throw new TalosPatchException(owner + " URL \"" + url + "\" contains "
                        + LiteralBlock.codePoint(cp) + ": a URL holds no whitespace or control characters;"
                        + " percent-encode it");
            }
            i += Character.charCount(cp);
        }
        String rest = url.substring(url.indexOf("://") + 3);
        if (rest.isEmpty() || rest.startsWith("/")) {
            throw new TalosPatchException(owner + " URL \"" + url + "\" names no host:"
                    + " give a full URL such as https://example.com/manifest.yaml");
        }
    }

    private static <T> T entry(T value, String what, int index) {
        if (value == null) {
            throw new TalosPatchException(what + " " + (index + 1) + " is null: give a name and "
                    + ("inline manifest".equals(what) ? "contents" : "a URL"));
        }
        return value;
    }
}
