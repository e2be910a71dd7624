package dev.tailgen.core.operator;

/** Builds pinned image references: a digest wins over the tag; a registry mirror replaces the host. */
public final class ImageReference {
    private ImageReference() {
    }

    public static String of(String registry, String repository, String tag, String digest) {
        String repo = registry == null ? repository : mirror(registry, repository);
        if (digest != null && !digest.isEmpty()) {
            return repo + "@" + digest;
        }
        return repo + ":" + tag;
    }

    /** {@code ghcr.io/tailscale/tailscale} via {@code reg.internal/mirror} is {@code reg.internal/mirror/tailscale/tailscale}. */
    static String mirror(String registry, String repository) {
        String path = repository;
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                path = repository.substring(slash + 1);
            }
        }
        String prefix = registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry;
        return prefix + "/" + path;
    }
}
