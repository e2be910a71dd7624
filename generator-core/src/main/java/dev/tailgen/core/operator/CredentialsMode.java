package dev.tailgen.core.operator;

/** How the operator gets its OAuth client credentials (tailscale-operator.md §4). */
public enum CredentialsMode {
    /** We render Secret {@code operator-oauth}; it goes to its own owner-only file and patch. */
    OAUTH,
    /** The user created a Secret with keys client_id and client_secret. */
    EXISTING_SECRET,
    /** An External Secrets Operator ExternalSecret we render fills that Secret from a secret store. */
    EXTERNAL_SECRET,
    /** Any volume source (e.g. CSI) that yields files client_id and client_secret. */
    VOLUME,
    /** Workload identity federation: a projected service-account token, no secret at all. */
    WORKLOAD_IDENTITY
}
