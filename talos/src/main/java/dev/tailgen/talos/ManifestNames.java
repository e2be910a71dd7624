package dev.tailgen.talos;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks manifest names: DNS-1123 subdomains, unique per kind within one patch. */
final class ManifestNames {

    static final int MAX_LENGTH = 253;

    /** Kubernetes' IsDNS1123Subdomain: dot-separated labels of [a-z0-9-], each starting and ending alphanumeric. */
    private static final Pattern DNS_1123_SUBDOMAIN = NamePatterns.DNS_SUBDOMAIN_PATTERN;

    private final String what;
    private final Map<String, Integer> seen = new HashMap<>();

    /** @param what "inline manifest" or "external manifest", used in messages */
    ManifestNames(String what) {
        this.what = what;
    }

    /** Validates the name of the entry at 1-based {@code position} and remembers it. */
    void check(String name, int position) {
        if (name == null) {
            throw new TalosPatchException(what + " " + position + " has no name: give a DNS-1123 subdomain"
                    + " such as \"tailscale-operator\"");
        }
        if (name.length() > MAX_LENGTH) {
            throw new TalosPatchException(what + " name \"" + name + "\" is " + name.length()
                    + " characters long: a DNS-1123 subdomain has at most " + MAX_LENGTH);
        }
        if (!DNS_1123_SUBDOMAIN.matcher(name).matches()) {
            throw new TalosPatchException(what + " name \"" + name + "\" is not a DNS-1123 subdomain"
                    + " (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)");
        }
        Integer first = seen.putIfAbsent(name, position);
        if (first != null) {
            throw new TalosPatchException(what + " name \"" + name + "\" is used twice (entries " + first
                    + " and " + position + "): names must be unique per kind within a patch");
        }
    }
}
