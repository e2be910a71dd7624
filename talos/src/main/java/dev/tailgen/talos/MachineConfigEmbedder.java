package dev.tailgen.talos;

import dev.tailgen.talos.YamlOutline.Document;
import dev.tailgen.talos.YamlOutline.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Puts the generated manifests into an existing Talos control-plane machine config (the {@code controlplane.yaml}
 * written by {@code talosctl gen config}) by editing its text in place.
 *
 * <p>The file belongs to the user: a YAML load and dump would lose its comments, key order and layout, and a
 * strategic-merge patch cannot replace a {@code cluster.inlineManifests} entry (it has no merge key). So only the
 * lines of our own entries are replaced or added, and every other line stays byte-identical. Entries are found
 * by name, so an entry is never duplicated; running again with the same manifests returns the text unchanged,
 * which is also exactly when {@link #staleManifests} is empty.
 *
 * <p>Up to Talos 1.13 the entries are {@code cluster.inlineManifests} items and {@code cluster.extraManifests}
 * URLs of the v1alpha1 document; from 1.14 on they are {@code KubeInlineManifestConfig} and
 * {@code KubeExternalManifestConfig} documents, appended to the stream when missing. Lists written in flow style
 * ({@code [...]}) are refused when they would need an edit, since they cannot be edited line by line.
 */
public final class MachineConfigEmbedder {

    private static final String INLINE_KIND = "KubeInlineManifestConfig";
    private static final String EXTERNAL_KIND = "KubeExternalManifestConfig";
    private static final String GEN_CONFIG = "give controlplane.yaml as written by talosctl gen config";

    private MachineConfigEmbedder() {
    }

    /**
     * The updated text. Inline manifests are replaced by name (never duplicated) or added; external manifests
     * likewise (up to Talos 1.13: a missing URL is added to {@code cluster.extraManifests}, no URL is removed).
     *
     * @throws TalosPatchException when a manifest is not acceptable (same rules as {@link TalosPatch}), the text
     *                             is not a control-plane machine config, or an entry cannot be edited in place
     */
    public static String embed(String machineConfig, TalosVersion version, List<InlineManifest> inline,
            List<ExternalManifest> external) {
        return plan(machineConfig, version, inline, external).apply();
    }

    /**
     * For {@code validate}: names of our manifests that the file lacks or carries with other contents/URL (empty
     * list = up to date, and {@link #embed} would return the text unchanged). Same parsing, no edit.
     *
     * @throws TalosPatchException as {@link #embed}
     */
    public static List<String> staleManifests(String machineConfig, TalosVersion version,
            List<InlineManifest> inline, List<ExternalManifest> external) {
        Plan plan = plan(machineConfig, version, inline, external);
        List<String> stale = new ArrayList<>(plan.staleInline);
        stale.addAll(plan.staleExternal);
        return List.copyOf(stale);
    }

    private static Plan plan(String machineConfig, TalosVersion version, List<InlineManifest> inline,
            List<ExternalManifest> external) {
        Objects.requireNonNull(machineConfig, "machineConfig");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(inline, "inline");
        Objects.requireNonNull(external, "external");
        if (inline.isEmpty() && external.isEmpty()) {
            throw new TalosPatchException("nothing to embed: give at least one inline or external manifest");
        }
        // the same checks and messages as a patch: names, URLs, contents
        TalosPatch.render(version, List.of(), inline, external);
        List<String> contents = new ArrayList<>(inline.size());
        for (InlineManifest m : inline) {
            contents.add(LiteralBlock.normalise("inline manifest \"" + m.name() + "\"", m.contents()));
        }

        YamlOutline yaml = read(machineConfig);
        Document legacy = legacyDocument(yaml);
        requireControlPlane(legacy.root());
        Plan plan = new Plan(yaml);
        if (version.usesManifestDocuments()) {
            planDocuments(plan, legacy, inline, contents, external);
        } else {
            planLegacy(plan, legacy, inline, contents, external);
        }
        return plan;
    }

    // ---- Talos 1.14 and newer: one document per manifest

    private static void planDocuments(Plan plan, Document legacy, List<InlineManifest> inline,
            List<String> contents, List<ExternalManifest> external) {
        Set<String> inlineNames = inline.stream().map(InlineManifest::name).collect(Collectors.toSet());
        Node legacyCluster = legacy.root().value("cluster");
        Node legacyList = legacyCluster == null ? null : legacyCluster.value("inlineManifests");
        if (legacyList != null && legacyList.isSequence()) {
            for (Node item : legacyList.children) {
                String name = item.text("name");
                if (name != null && inlineNames.contains(name)) {
                    throw new TalosPatchException("the v1alpha1 document has a cluster.inlineManifests entry named \""
                            + name + "\" (line " + (item.line + 1) + "), which collides with the " + INLINE_KIND
                            + " document of the same name (both become manifest 99-" + name
                            + "): remove the legacy entry from cluster.inlineManifests");
                }
            }
        }

        StringBuilder appended = new StringBuilder();
        for (int i = 0; i < inline.size(); i++) {
            String name = inline.get(i).name();
            String document = inlineDocument(name, contents.get(i));
            List<Document> matches = documents(plan.yaml, INLINE_KIND, name);
            if (matches.size() == 1 && contents.get(i).equals(matches.get(0).root().text("manifest"))) {
                continue;
            }
            plan.staleInline.add(name);
            placeDocument(plan, matches, document, appended);
        }
        for (ExternalManifest m : external) {
            String document = externalDocument(m);
            List<Document> matches = documents(plan.yaml, EXTERNAL_KIND, m.name());
            if (matches.size() == 1 && m.url().equals(matches.get(0).root().text("url"))) {
                continue;
            }
            plan.staleExternal.add(m.name());
            placeDocument(plan, matches, document, appended);
        }
        if (!appended.isEmpty()) {
            plan.insert(plan.yaml.lineCount(), appended.toString());
        }
    }

    /** Replaces the first match, removes the others (Talos refuses duplicates), or appends when there is none. */
    private static void placeDocument(Plan plan, List<Document> matches, String document, StringBuilder appended) {
        if (matches.isEmpty()) {
            appended.append("---\n").append(document);
            return;
        }
        Document first = matches.get(0);
        Node root = first.root();
        if (first.separatorLine() == root.line) {
            plan.replace(root.line, root.lastLine + 1, "---\n" + document);
        } else {
            requireOwnLine(plan.yaml, root, "document " + first.number());
            plan.replace(root.line, root.lastLine + 1, document);
        }
        for (Document duplicate : matches.subList(1, matches.size())) {
            Node duplicateRoot = duplicate.root();
            int from = duplicate.separatorLine() >= 0 ? duplicate.separatorLine() : duplicateRoot.line;
            plan.replace(from, duplicateRoot.lastLine + 1, "");
        }
    }

    private static List<Document> documents(YamlOutline yaml, String kind, String name) {
        List<Document> matches = new ArrayList<>();
        for (Document document : yaml.documents()) {
            Node root = document.root();
            if (root.isMapping() && kind.equals(root.text("kind")) && name.equals(root.text("name"))) {
                matches.add(document);
            }
        }
        return matches;
    }

    private static String inlineDocument(String name, String normalised) {
        StringBuilder out = new StringBuilder()
                .append("apiVersion: v1alpha1\n")
                .append("kind: ").append(INLINE_KIND).append('\n')
                .append("name: ").append(Scalars.scalar(name)).append('\n');
        LiteralBlock.write(out, 0, "manifest", normalised);
        return out.toString();
    }

    private static String externalDocument(ExternalManifest m) {
        return "apiVersion: v1alpha1\n"
                + "kind: " + EXTERNAL_KIND + "\n"
                + "name: " + Scalars.scalar(m.name()) + "\n"
                + "url: " + Scalars.scalar(m.url()) + "\n";
    }

    // ---- Talos 1.13 and older: cluster.inlineManifests / cluster.extraManifests of the v1alpha1 document

    private static void planLegacy(Plan plan, Document legacy, List<InlineManifest> inline, List<String> contents,
            List<ExternalManifest> external) {
        for (InlineManifest m : inline) {
            List<Document> typed = documents(plan.yaml, INLINE_KIND, m.name());
            if (!typed.isEmpty()) {
                Node root = typed.get(0).root();
                throw new TalosPatchException("the machine config has a " + INLINE_KIND + " document named \""
                        + m.name() + "\" (line " + (root.line + 1) + "), which collides with the"
                        + " cluster.inlineManifests entry of the same name (both become manifest 99-" + m.name()
                        + "): remove the document, or embed for Talos 1.14 or newer");
            }
        }
        Node root = legacy.root();
        Node clusterKey = root.key("cluster");
        Node cluster = root.value("cluster");
        if (cluster == null || cluster.isNull()) {
            throw new TalosPatchException("the v1alpha1 document has no cluster section, which every control-plane"
                    + " config has: " + GEN_CONFIG);
        }
        if (!cluster.isMapping() || cluster.flow) {
            throw new TalosPatchException("cluster on line " + (cluster.line + 1) + " is not a block mapping:"
                    + " write it as \"cluster:\" followed by indented keys so entries can be added");
        }
        int keyColumn = cluster.firstKey().column;
        int step = Math.max(1, keyColumn - clusterKey.column);
        // new keys go right after the "cluster:" line, indented like cluster's other keys
        int insertAt = clusterKey.lastLine + 1;

        if (!inline.isEmpty()) {
            planInlineManifests(plan, cluster, keyColumn, step, insertAt, inline, contents);
        }
        if (!external.isEmpty()) {
            planExtraManifests(plan, cluster, keyColumn, step, insertAt, external);
        }
    }

    private static void planInlineManifests(Plan plan, Node cluster, int keyColumn, int step, int insertAt,
            List<InlineManifest> inline, List<String> contents) {
        String what = "cluster.inlineManifests";
        Node key = cluster.key("inlineManifests");
        Node list = cluster.value("inlineManifests");
        if (list == null || isEmptyList(list)) {
            StringBuilder block = new StringBuilder(" ".repeat(keyColumn)).append("inlineManifests:\n");
            for (int i = 0; i < inline.size(); i++) {
                plan.staleInline.add(inline.get(i).name());
                appendItem(block, keyColumn + step, inline.get(i).name(), contents.get(i));
            }
            addKey(plan, key, list, insertAt, block.toString(), what);
            return;
        }
        if (!list.isSequence()) {
            throw notAList(list, what);
        }
        StringBuilder appended = new StringBuilder();
        for (int i = 0; i < inline.size(); i++) {
            String name = inline.get(i).name();
            List<Node> matches = new ArrayList<>();
            for (Node item : list.children) {
                if (item.isMapping() && name.equals(item.text("name"))) {
                    matches.add(item);
                }
            }
            if (matches.size() == 1 && contents.get(i).equals(matches.get(0).text("contents"))) {
                continue;
            }
            plan.staleInline.add(name);
            requireBlock(list, what);
            if (matches.isEmpty()) {
                appendItem(appended, dashColumn(plan.yaml, list.children.get(0), what), name, contents.get(i));
                continue;
            }
            Node first = matches.get(0);
            StringBuilder item = new StringBuilder();
            appendItem(item, dashColumn(plan.yaml, first, what), name, contents.get(i));
            plan.replace(itemLine(plan.yaml, first, what), first.lastLine + 1, item.toString());
            for (Node duplicate : matches.subList(1, matches.size())) {
                plan.replace(itemLine(plan.yaml, duplicate, what), duplicate.lastLine + 1, "");
            }
        }
        if (!appended.isEmpty()) {
            plan.insert(list.lastLine + 1, appended.toString());
        }
    }

    private static void planExtraManifests(Plan plan, Node cluster, int keyColumn, int step, int insertAt,
            List<ExternalManifest> external) {
        String what = "cluster.extraManifests";
        Node key = cluster.key("extraManifests");
        Node list = cluster.value("extraManifests");
        boolean empty = list == null || isEmptyList(list);
        if (!empty && !list.isSequence()) {
            throw notAList(list, what);
        }
        Set<String> present = new HashSet<>();
        if (!empty) {
            list.children.forEach(item -> present.add(item.text()));
        }
        Set<String> missing = new LinkedHashSet<>();
        for (ExternalManifest m : external) {
            if (!present.contains(m.url())) {
                plan.staleExternal.add(m.name());
                missing.add(m.url());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (empty) {
            StringBuilder block = new StringBuilder(" ".repeat(keyColumn)).append("extraManifests:\n");
            missing.forEach(url -> block.append(" ".repeat(keyColumn + step)).append("- ")
                    .append(Scalars.scalar(url)).append('\n'));
            addKey(plan, key, list, insertAt, block.toString(), what);
            return;
        }
        requireBlock(list, what);
        int dash = dashColumn(plan.yaml, list.children.get(0), what);
        StringBuilder appended = new StringBuilder();
        missing.forEach(url -> appended.append(" ".repeat(dash)).append("- ").append(Scalars.scalar(url))
                .append('\n'));
        plan.insert(list.lastLine + 1, appended.toString());
    }

    /** Inserts a new key after the "cluster:" line, or replaces {@code key: []} / {@code key:} in place. */
    private static void addKey(Plan plan, Node key, Node emptyValue, int insertAt, String block, String what) {
        if (emptyValue == null) {
            plan.insert(insertAt, block);
        } else {
            requireOwnLine(plan.yaml, key, what);
            plan.replace(key.line, Math.max(key.lastLine, emptyValue.lastLine) + 1, block);
        }
    }

    private static void appendItem(StringBuilder out, int dash, String name, String normalised) {
        out.append(" ".repeat(dash)).append("- name: ").append(Scalars.scalar(name)).append('\n');
        LiteralBlock.write(out, dash + 2, "contents", normalised);
    }

    /** {@code key:}, {@code key: ~} and {@code key: []} carry no entries and are replaced as a whole. */
    private static boolean isEmptyList(Node node) {
        return node.isNull() || (node.isSequence() && node.children.isEmpty());
    }

    /** The line holding the item's "-" (the item itself or, for a bare "-" line, the line before it). */
    private static int itemLine(YamlOutline yaml, Node item, String what) {
        String prefix = yaml.prefix(item);
        if (prefix.matches(" *-[ \t]+")) {
            return item.line;
        }
        if (prefix.isBlank() && item.line > 0 && yaml.line(item.line - 1).matches(" *-[ \t]*(#.*)?")) {
            return item.line - 1;
        }
        throw new TalosPatchException(what + " has an entry on line " + (item.line + 1) + " laid out in a way"
                + " that cannot be edited line by line: write each entry as \"- name: ...\" on a line of its own");
    }

    private static int dashColumn(YamlOutline yaml, Node item, String what) {
        return yaml.line(itemLine(yaml, item, what)).indexOf('-');
    }

    private static void requireOwnLine(YamlOutline yaml, Node node, String what) {
        if (!yaml.prefix(node).isBlank()) {
            throw new TalosPatchException(what + " on line " + (node.line + 1) + " shares its line with other"
                    + " content, so it cannot be replaced line by line: put it on a line of its own");
        }
    }

    private static void requireBlock(Node list, String what) {
        if (list.flow) {
            throw new TalosPatchException(what + " on line " + (list.line + 1) + " is written in flow style"
                    + " ([...]), which cannot be edited line by line: rewrite it as a block list, one \"- \" entry"
                    + " per line");
        }
    }

    private static TalosPatchException notAList(Node node, String what) {
        return new TalosPatchException(what + " on line " + (node.line + 1) + " is not a list: give a list of "
                + ("cluster.inlineManifests".equals(what) ? "{name, contents} entries" : "URLs")
                + " or remove the key");
    }

    // ---- reading and checking the file

    private static YamlOutline read(String text) {
        try {
            return YamlOutline.read(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? ""
                    : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new TalosPatchException("the machine config is not valid YAML (" + e.getProblem() + where
                    + "): " + GEN_CONFIG);
        } catch (ReaderException e) {
            throw new TalosPatchException("the machine config contains the character "
                    + LiteralBlock.codePoint(e.getCodePoint()) + ", which YAML does not allow: remove it");
        } catch (YAMLException e) {
            throw new TalosPatchException("the machine config is not valid YAML (" + e.getMessage().strip()
                    + "): " + GEN_CONFIG);
        }
    }

    /** The document with {@code version: v1alpha1} and no kind; there is exactly one in a machine config. */
    private static Document legacyDocument(YamlOutline yaml) {
        List<Document> legacy = new ArrayList<>();
        for (Document document : yaml.documents()) {
            Node root = document.root();
            if (root.isNull()) {
                continue;
            }
            if (!root.isMapping()) {
                throw new TalosPatchException("document " + document.number() + " (line " + (root.line + 1)
                        + ") is not a mapping, so this is not a Talos machine config: " + GEN_CONFIG);
            }
            if (root.value("kind") == null && "v1alpha1".equals(root.text("version"))) {
                legacy.add(document);
            }
        }
        if (legacy.isEmpty()) {
            throw new TalosPatchException("the machine config has no v1alpha1 document (the one with"
                    + " \"version: v1alpha1\", machine: and cluster:): " + GEN_CONFIG);
        }
        if (legacy.size() > 1) {
            throw new TalosPatchException("the machine config has " + legacy.size() + " v1alpha1 documents (lines "
                    + legacy.stream().map(d -> String.valueOf(d.root().line + 1)).collect(Collectors.joining(", "))
                    + "), Talos loads exactly one: merge them");
        }
        return legacy.get(0);
    }

    /** Only control planes apply manifests; a worker silently ignores them. */
    private static void requireControlPlane(Node legacy) {
        Node machine = legacy.value("machine");
        String type = machine == null ? null : machine.text("type");
        if (type == null) {
            throw new TalosPatchException("the machine config has no machine.type; manifests are applied by control"
                    + " planes only (machine.type: controlplane or init): " + GEN_CONFIG);
        }
        if (type.equals("worker")) {
            throw new TalosPatchException("the machine config is a worker config (machine.type: worker); manifests"
                    + " are applied by control planes only: embed into controlplane.yaml");
        }
        if (!type.equals("controlplane") && !type.equals("init")) {
            throw new TalosPatchException("the machine config has machine.type: " + type + "; manifests are applied"
                    + " by control planes only (machine.type: controlplane or init): embed into controlplane.yaml");
        }
    }

    // ---- the edits

    /** Line-based edits of one text, applied together; a line is either kept byte for byte or replaced whole. */
    private static final class Plan {

        /** Replace lines {@code from} (inclusive) to {@code to} (exclusive); from == to inserts. Text uses LF. */
        private record Edit(int from, int to, String text) {
        }

        final YamlOutline yaml;
        final List<Edit> edits = new ArrayList<>();
        final List<String> staleInline = new ArrayList<>();
        final List<String> staleExternal = new ArrayList<>();

        Plan(YamlOutline yaml) {
            this.yaml = yaml;
        }

        void insert(int line, String text) {
            edits.add(new Edit(line, line, text));
        }

        void replace(int from, int to, String text) {
            edits.add(new Edit(from, to, text));
        }

        String apply() {
            String text = yaml.text();
            if (edits.isEmpty()) {
                return text;
            }
            String eol = text.contains("\r\n") ? "\r\n" : "\n";
            List<Edit> sorted = new ArrayList<>(edits);
            // stable: insertions at one line keep their order and come before a replacement starting there
            sorted.sort(Comparator.comparingInt(Edit::from).thenComparingInt(Edit::to));
            StringBuilder out = new StringBuilder(text.length() + 1024);
            int line = 0;
            for (Edit edit : sorted) {
                if (edit.from() < line) {
                    throw new IllegalStateException("overlapping edits at line " + (edit.from() + 1));
                }
                out.append(text, yaml.offset(line), yaml.offset(edit.from()));
                if (!edit.text().isEmpty() && !out.isEmpty() && !endsWithLineBreak(out)) {
                    out.append(eol); // the file's last line had no line break and we add lines after it
                }
                out.append(edit.text().replace("\n", eol));
                line = edit.to();
            }
            out.append(text, yaml.offset(line), text.length());
            return out.toString();
        }

        private static boolean endsWithLineBreak(StringBuilder out) {
            char last = out.charAt(out.length() - 1);
            return last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029';
        }
    }
}
