package dev.tailgen.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgen.core.GenerationResult;
import dev.tailgen.core.Generator;
import dev.tailgen.core.TestConfigs;
import dev.tailgen.core.exposure.ProxyGroupsTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config change that moves an exposure onto or off a ProxyGroup is named against the earlier output, verbatim. */
class ProxyGroupMovesTest {
    private static final String STANDALONE = ProxyGroupsTest.GROUPS.replace("    hostname: web\n    proxyGroup: ingress\n", "    hostname: web\n");

    private static GenerationResult render(Path dir, String config) throws IOException {
        return TestConfigs.generator(TestConfigs.write(Files.createDirectories(dir), config)).render();
    }

    @Test
    void aServiceMovingOntoAGroupIsNamed(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Generator first = TestConfigs.generator(TestConfigs.write(Files.createDirectories(dir.resolve("a")), STANDALONE));
        first.write(first.render(), out);
        GenerationResult moved = render(dir.resolve("b"), ProxyGroupsTest.GROUPS);
        assertThat(ProxyGroupMoves.against(moved.files(), out)).containsExactly("Service apps/web moves from its own proxy to ProxyGroup"
                + " ingress, which the operator does not do in place (the old proxy's device keeps the name the Tailscale Service needs);"
                + " apply it in two steps: first without its tailscale exposure, and once its proxy is gone, with proxyGroup");
        assertThat(ProxyGroupMoves.against(render(dir.resolve("c"), STANDALONE).files(), out)).isEmpty();
    }

    @Test
    void aServiceLeavingAGroupIsNamedAndNoEarlierOutputMeansNoMoves(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        assertThat(ProxyGroupMoves.against(render(dir.resolve("a"), ProxyGroupsTest.GROUPS).files(), out)).isEmpty();
        Generator first = TestConfigs.generator(TestConfigs.write(Files.createDirectories(dir.resolve("b")), ProxyGroupsTest.GROUPS));
        first.write(first.render(), out);
        assertThat(ProxyGroupMoves.against(render(dir.resolve("c"), STANDALONE).files(), out)).containsExactly("Service apps/web moves"
                + " from ProxyGroup ingress to a proxy of its own, which the operator does not do in place (the Tailscale Service keeps"
                + " the name the device needs); apply it in two steps: first without its tailscale exposure, and once the Tailscale"
                + " Service is gone, without proxyGroup");
    }
}
