package dev.tailgen.core.operator;

import java.nio.file.Path;

/**
 * How the release line's CRDs reach the cluster: pinned upstream URLs (Talos fetches them) or inline from a
 * release manifest or folder the user downloaded.
 */
public record CrdDelivery(boolean inline, Path source) {
    public static CrdDelivery urls() {
        return new CrdDelivery(false, null);
    }
}
