package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgen.core.problem.ConfigException;
import dev.tailgen.core.problem.ConfigProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a config and the bases its {@code extends} names, each relative to the file that names it,
 * and merges them base first ({@link ConfigMerge}). A problem with a base (missing, unreadable, a
 * cycle) is reported at the {@code extends} line that names it.
 */
final class ConfigChain {
    private final YamlTreeReader reader;

    ConfigChain(YamlTreeReader reader) {
        this.reader = reader;
    }

    /** One file of the chain, as read. */
    private record Link(Path file, Path realFile, byte[] bytes, ConfigDocument doc) {
    }

    ConfigDocument read(Path file, String displayName, byte[] bytes) {
        ConfigDocument leaf = reader.read(file, displayName, bytes);
        if (!leaf.tree().has(ExtendsLine.KEY)) {
            return leaf; // the common case: one file, its tree as read
        }
        Deque<Link> chain = new ArrayDeque<>(); // leaf first while reading
        Link link = new Link(file, real(file), bytes, leaf);
        chain.add(link);
        Optional<String> base = baseOf(link);
        while (base.isPresent()) {
            link = next(chain, link, base.get());
            chain.add(link);
            base = baseOf(link);
        }
        List<ConfigDocument> files = new ArrayList<>();
        JsonNode merged = null;
        for (Iterator<Link> it = chain.descendingIterator(); it.hasNext(); ) {
            ConfigDocument doc = it.next().doc();
            files.add(doc);
            ObjectNode own = ((ObjectNode) doc.tree()).deepCopy();
            own.remove(ExtendsLine.KEY); // consumed here: the schema and the model see the merge
            merged = merged == null ? own : ConfigMerge.merge(merged, own);
        }
        return ConfigDocument.merged(file, merged, files);
    }

    /** The base {@code link}'s file names, checked to be what the up-to-date check's scan sees. */
    private static Optional<String> baseOf(Link link) {
        JsonNode tree = link.doc().tree();
        JsonNode value = tree.path(ExtendsLine.KEY);
        if (!tree.isObject() || value.isMissingNode()) {
            return Optional.empty();
        }
        ConfigDocument doc = link.doc();
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ConfigException(doc.problemAt("/" + ExtendsLine.KEY,
                    "must be the path of the base config, relative to this file (e.g. ../base/tailscale.yaml)"));
        }
        if (!ExtendsLine.scan(new String(link.bytes(), StandardCharsets.UTF_8)).equals(Optional.of(value.asText()))) {
            throw new ConfigException(doc.problemAtKey("/" + ExtendsLine.KEY,
                    "write it as one top-level line, extends: PATH (block style, the path plain or quoted without escapes), "
                            + "so the up-to-date check finds the base too"));
        }
        return Optional.of(value.asText());
    }

    private Link next(Deque<Link> chain, Link from, String relative) {
        ConfigDocument doc = from.doc();
        String pointer = "/" + ExtendsLine.KEY;
        Path file = from.file().toAbsolutePath().getParent().resolve(relative).normalize();
        String name = displayName(doc.displayName(), relative);
        if (chain.size() >= ExtendsLine.MAX_FILES) {
            throw new ConfigException(doc.problemAt(pointer,
                    "a chain of extends may hold at most " + ExtendsLine.MAX_FILES + " files; flatten some bases into one"));
        }
        byte[] bytes = read(file, name, problem -> doc.problemAt(pointer, problem));
        Path real = real(file);
        for (Link seen : chain) {
            if (seen.realFile().equals(real)) {
                String cycle = chain.stream().map(l -> l.doc().displayName()).collect(Collectors.joining(" -> "));
                throw new ConfigException(doc.problemAt(pointer, quote(name) + " is already in the chain (" + cycle + " -> " + name
                        + "); a config cannot extend itself, directly or through its bases"));
            }
        }
        ConfigDocument read = reader.read(file, name, bytes);
        if (!read.tree().isObject()) {
            throw new ConfigException(read.problemAt("", "a base config is a mapping of the keys it sets (apiVersion, operator, ...); found "
                    + read.tree().getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return new Link(file, real, bytes, read);
    }

    /** A base's name in messages: the path that named it, taken from the folder of the file that names it. */
    private static String displayName(String from, String relative) {
        return Path.of(from).resolveSibling(relative).normalize().toString().replace('\\', '/');
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** A base's bytes, refusing a huge one before reading it; problems are reported where {@code at} says. */
    private static byte[] read(Path file, String name, Function<String, ConfigProblem> at) {
        try {
            long size = Files.size(file);
            if (size > YamlTreeReader.MAX_BYTES) {
                throw new ConfigException(at.apply(quote(name) + ": " + YamlTreeReader.tooLarge(size)));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(at.apply("no such file " + quote(name) + "; the path is relative to the folder of this file"));
        } catch (IOException e) {
            throw new ConfigException(at.apply("cannot read " + quote(name) + " (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
