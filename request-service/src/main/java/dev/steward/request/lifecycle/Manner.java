package dev.steward.request.lifecycle;

/** How a request reached the provider (the "manner" of a CCPA §7101 record). */
public enum Manner {
    /** The subject, signed in: verified by its own token. */
    AUTHENTICATED,
    /** A client-admin or privacy officer on the subject's behalf, with an attestation. */
    ON_BEHALF,
    /** The public intake without a token. */
    PUBLIC
}
