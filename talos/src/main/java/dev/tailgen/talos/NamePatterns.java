package dev.tailgen.talos;

import java.util.regex.Pattern;

/**
 * The name patterns every module checks with, written once. They live in the lowest module so the
 * Talos patch names, the rendered manifests, the placeholder resolver and the fingerprint share them;
 * {@code schemas/tailscale.schema.json} states the same patterns for editors, and a test in
 * generator-core ({@code NamePatternsTest}) holds the two equal.
 */
public final class NamePatterns {
    /** RFC 1123 label, 1-63 characters (namespaces, hostnames). */
    public static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    /** RFC 1123 subdomain (object names); the 253-character limit is checked apart. */
    public static final String DNS_SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    /** {@code ${env:NAME}}, {@code ${file:PATH}}, {@code ${settings:SERVER_ID}}: group 1 the kind, group 2 the argument. */
    public static final String PLACEHOLDER = "\\$\\{(env|file|settings):([^}]+)\\}";

    public static final Pattern DNS_LABEL_PATTERN = Pattern.compile(DNS_LABEL);
    public static final Pattern DNS_SUBDOMAIN_PATTERN = Pattern.compile(DNS_SUBDOMAIN);
    public static final Pattern PLACEHOLDER_PATTERN = Pattern.compile(PLACEHOLDER);

    private NamePatterns() {
    }
}
