package dev.tailgen.talos;

/**
 * A manifest each control-plane node downloads itself.
 *
 * @param name DNS-1123 subdomain, unique among the external manifests of a patch (used from Talos 1.14 on)
 * @param url  http:// or https:// URL, pinned to a tag or commit
 */
public record ExternalManifest(String name, String url) {
}
