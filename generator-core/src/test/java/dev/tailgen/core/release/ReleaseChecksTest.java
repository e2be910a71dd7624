package dev.tailgen.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.config.ConfigLoader;
import dev.tailgen.core.config.ConfigSchema;
import dev.tailgen.core.config.LoadedConfig;
import dev.tailgen.core.problem.ConfigProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key under a list item that a release line lacks: no bundled line lacks a ProxyClass key today
 * (their ProxyClass CRDs are the same), so this catalog is the bundled one with a line besides the
 * default made to lack {@code letsEncryptStaging}, as a line older than the field would.
 */
class ReleaseChecksTest {
    @Test
    void aClassKeyTheChosenReleaseLacksIsRefusedAtEachClassThatSetsIt(@TempDir Path dir) {
        ReleaseCatalog bundled = ReleaseCatalog.bundled();
        ReleaseLine older = bundled.lines().stream().filter(l -> l.defaultVersion() == null).findFirst().orElseThrow();
        String since = bundled.defaultRelease().versionText();
        List<ReleaseLine> lines = new ArrayList<>();
        for (ReleaseLine l : bundled.lines()) {
            List<ReleaseLine.Lack> lacks = new ArrayList<>(l.lacks());
            if (l == older) {
                lacks.add(new ReleaseLine.Lack("/proxyClasses/*/letsEncryptStaging", since,
                        "its ProxyClass has no useLetsEncryptStagingEnvironment"));
            }
            lines.add(new ReleaseLine(l.line(), l.defaultVersion(), l.tested(), l.reference(), l.images(), l.crds(), l.rbac(),
                    l.deployment(), lacks));
        }
        ReleaseCatalog catalog = ReleaseCatalog.of(lines);
        LoadedConfig loaded = new ConfigLoader(ConfigSchema.load()).load(TestConfigs.write(dir, TestConfigs.MINIMAL
                .replace("operator:\n", "operator:\n  version: " + older.tested().get(0) + "\n") + """
                proxyClasses:
                  - name: plain
                  - name: staging
                    letsEncryptStaging: true
                  - name: staging-too
                    letsEncryptStaging: false
                """), "tailscale.yaml");

        List<String> said = ReleaseChecks.check(loaded.document(), catalog).stream().map(ConfigProblem::format).toList();

        String why = ": needs operator " + since + " or newer; " + older.tested().get(0) + " lacks it: its ProxyClass has no"
                + " useLetsEncryptStagingEnvironment; remove the key or pin a release of " + bundled.defaultRelease().line().line();
        assertThat(said).containsExactly(
                "tailscale.yaml:19:5: proxyClasses[1].letsEncryptStaging" + why,
                "tailscale.yaml:21:5: proxyClasses[2].letsEncryptStaging" + why);
    }
}
