package dev.tailgen.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TalosSizesTest {
    private static final String P = "talos/tailscale-operator.patch.yaml";

    @Test
    void warnsAboveEachLimitWithTheHighestOneCrossed() {
        assertThat(TalosSizes.warning(P, 16 * 1024)).isNull();
        assertThat(TalosSizes.warning(P, 16 * 1024 + 1)).isEqualTo("talos/tailscale-operator.patch.yaml is 16.0 KiB, over the 16 KiB"
                + " user data of AWS EC2 (Hetzner Cloud allows 32 KiB): apply it with talosctl (gen config --config-patch-control-plane,"
                + " or patch mc), not as EC2 user data");
        assertThat(TalosSizes.warning(P, 40_000)).isEqualTo("talos/tailscale-operator.patch.yaml is 39.1 KiB, over the 32 KiB user"
                + " data of Hetzner Cloud (and AWS EC2's 16 KiB): apply it with talosctl (gen config --config-patch-control-plane,"
                + " or patch mc), not as cloud user data");
        assertThat(TalosSizes.warning(P, 5L * 1024 * 1024)).isEqualTo("talos/tailscale-operator.patch.yaml is 5.0 MiB, over 4 MiB:"
                + " Talos before 1.13 refuses it through the maintenance API and upgrade-k8s has failed at that size; keep CRDs as URLs"
                + " (talos.crds: url) and leave sections out of talos.include");
    }

    @Test
    void humanSizes() {
        assertThat(TalosSizes.human(999)).isEqualTo("999 bytes");
        assertThat(TalosSizes.human(17_856)).isEqualTo("17.4 KiB");
        assertThat(TalosSizes.human(3L * 1024 * 1024)).isEqualTo("3.0 MiB");
    }
}
