package dev.tailgen.core.output;

import dev.tailgen.talos.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The driver of {@code .ci/fault-injection.sh}: a process that writes an output folder (or replaces a
 * machine config) over and over, alternating two states, until it is killed with SIGKILL; and the
 * check that runs after each kill: the folder (after the start-of-run recovery any next run does) or
 * the file is exactly one of the two states.
 *
 * <pre>
 * java -cp ... dev.tailgen.core.output.FaultInjection loop-generate OUT | check-generate OUT
 * java -cp ... dev.tailgen.core.output.FaultInjection loop-embed FILE   | check-embed FILE
 * </pre>
 */
public final class FaultInjection {
    private static final int FILES = 24;

    private FaultInjection() {
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[1]).toAbsolutePath().normalize();
        switch (args[0]) {
            case "loop-generate" -> {
                OutputWriter writer = new OutputWriter();
                String state = stateOf(path).orElse("B");
                while (true) {
                    state = state.equals("A") ? "B" : "A";
                    writer.write(path, files(state));
                }
            }
            case "check-generate" -> {
                String recovered = OutputWriter.recover(path, path.resolveSibling("." + path.getFileName() + ".tailgen-old"))
                        .isPresent() ? " (recovered)" : "";
                String state = stateOf(path).orElse(null);
                if (state == null) {
                    System.out.println("NEITHER: " + describe(path));
                    System.exit(1);
                }
                System.out.println(state + recovered);
            }
            case "loop-embed" -> {
                String state = Files.readString(path).equals(config("A")) ? "A" : "B";
                while (true) {
                    state = state.equals("A") ? "B" : "A";
                    DurableFiles.replace(path, config(state).getBytes(StandardCharsets.UTF_8));
                }
            }
            case "check-embed" -> {
                String text = Files.readString(path);
                String state = text.equals(config("A")) ? "A" : text.equals(config("B")) ? "B" : null;
                if (state == null) {
                    System.out.println("NEITHER: " + text.length() + " chars");
                    System.exit(1);
                }
                System.out.println(state);
            }
            case "init-generate" -> new OutputWriter().write(path, files("A"));
            case "init-embed" -> Files.writeString(path, config("A"));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** State A or B: which files exist differs, and every byte of every file. */
    static List<OutputFile> files(String state) {
        List<OutputFile> files = new ArrayList<>();
        int count = state.equals("A") ? FILES : FILES + 3;
        for (int i = 0; i < count; i++) {
            files.add(new OutputFile("manifests/" + state.toLowerCase() + "-" + i + ".yaml", content(state, i), i % 7 == 0));
        }
        return files;
    }

    private static String content(String state, int i) {
        return ("state: " + state + "\nfile: " + i + "\n").repeat(200);
    }

    private static String config(String state) {
        return ("machine:\n  type: controlplane\n# state " + state + "\n").repeat(2000);
    }

    /** A or B when the folder holds exactly that state's files (and the marker), byte for byte. */
    private static Optional<String> stateOf(Path out) throws IOException {
        Map<String, String> present = contents(out);
        for (String state : List.of("A", "B")) {
            Map<String, String> expected = new TreeMap<>();
            files(state).forEach(f -> expected.put(f.path(), f.content()));
            Map<String, String> withoutMarker = new TreeMap<>(present);
            boolean marker = withoutMarker.remove(OutputWriter.MARKER) != null;
            if (marker && withoutMarker.equals(expected)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> contents(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(out)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }

    private static String describe(Path out) throws IOException {
        return Files.isDirectory(out) ? contents(out).size() + " files" : "no folder";
    }
}
