package dev.tailgen.talos;

/**
 * A manifest carried inside the machine config.
 *
 * @param name     DNS-1123 subdomain, unique among the inline manifests of a patch
 * @param contents multi-document Kubernetes YAML
 */
public record InlineManifest(String name, String contents) {
}
