package dev.tailgen.core.output;

import java.util.Locale;

/**
 * Size limits a Talos patch meets on its way to a node: cloud user data (16 KiB on AWS EC2, 32 KiB
 * on Hetzner Cloud), and 4 MiB (the maintenance API before Talos 1.13; upgrade-k8s once failed
 * there). gRPC's 32 MiB is never reached by this install.
 */
public final class TalosSizes {
    static final long KIB = 1024;
    static final long USER_DATA_AWS = 16 * KIB;
    static final long USER_DATA_HETZNER = 32 * KIB;
    static final long MAINTENANCE_API = 4 * KIB * KIB;

    private TalosSizes() {
    }

    /** The warning for a patch of this size, or null. */
    public static String warning(String patch, long bytes) {
        String size = patch + " is " + human(bytes);
        if (bytes > MAINTENANCE_API) {
            return size + ", over 4 MiB: Talos before 1.13 refuses it through the maintenance API and upgrade-k8s has failed at that size;"
                    + " keep CRDs as URLs (talos.crds: url) and leave sections out of talos.include";
        }
        if (bytes > USER_DATA_HETZNER) {
            return size + ", over the 32 KiB user data of Hetzner Cloud (and AWS EC2's 16 KiB): apply it with talosctl"
                    + " (gen config --config-patch-control-plane, or patch mc), not as cloud user data";
        }
        if (bytes > USER_DATA_AWS) {
            return size + ", over the 16 KiB user data of AWS EC2 (Hetzner Cloud allows 32 KiB): apply it with talosctl"
                    + " (gen config --config-patch-control-plane, or patch mc), not as EC2 user data";
        }
        return null;
    }

    public static String human(long bytes) {
        if (bytes < KIB) {
            return bytes + " bytes";
        }
        if (bytes < KIB * KIB) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) KIB);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (KIB * KIB));
    }
}
