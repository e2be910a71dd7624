package dev.tailgen.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The claim of the README's "Adding a release line": a release is named only in its folder under
 * releases/, in golden files, in examples (the bundled ones, the schema's, the plugin's IT projects,
 * the fuzz seeds) and in docs. Code, templates, the schema and the other tests name none, so a new
 * line is a new folder and its golden files.
 */
class ReleaseMentionsTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".mvn");
    private static final List<Pattern> ALLOWED = Stream.of(
            "releases/.*", ".*/golden/.*", "examples/.*", "schemas/examples/.*", "maven-plugin/src/it/.*",
            ".*/ConfigFuzzTestInputs/.*", ".*\\.md").map(Pattern::compile).toList();

    @Test
    void onlyReleaseDataGoldensExamplesAndDocsNameARelease() throws IOException {
        // v<major>.<minor>.<patch> or .x, with or without the v, for every known line; not inside an IP address
        String minors = ReleaseCatalog.bundled().lines().stream()
                .map(l -> OperatorVersion.parse(l.tested().get(0)))
                .map(v -> v.major() + "\\." + v.minor()).collect(Collectors.joining("|"));
        // and a bare line with its v: "the v1.2 line"
        Pattern release = Pattern.compile("(?<![0-9.])(v?(" + minors + ")\\.([0-9]+|x)|v(" + minors + "))(?![0-9])");
        List<String> offenders = new ArrayList<>();
        List<String> named = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(REPO)) {
            for (Path file : walk.filter(ReleaseMentionsTest::tracked).filter(Files::isRegularFile).sorted().toList()) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (MalformedInputException e) {
                    continue; // not text
                }
                if (release.matcher(text).find()) {
                    String relative = REPO.relativize(file).toString().replace('\\', '/');
                    named.add(relative);
                    if (ALLOWED.stream().noneMatch(p -> p.matcher(relative).matches())) {
                        offenders.add(relative);
                    }
                }
            }
        }
        assertThat(named).as("the release folders name their releases").anyMatch(f -> f.startsWith("releases/"));
        assertThat(offenders).as("files outside releases/, goldens, examples and docs that name a release").isEmpty();
    }

    private static boolean tracked(Path p) {
        for (Path part : REPO.relativize(p)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }
}
