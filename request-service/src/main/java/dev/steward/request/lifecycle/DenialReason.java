package dev.steward.request.lifecycle;

/** Why a request was denied (the "basis of denial" of a CCPA §7101 record). */
public enum DenialReason {
    /** The requester's identity could not be verified. */
    IDENTITY_NOT_VERIFIED,
    /** A legal hold (fraud investigation, litigation; policy §8b) blocks erasure. */
    LEGAL_HOLD,
    /** Manifestly unfounded or excessive (GDPR Art. 12(5)). */
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE,
    /** Another legal exemption applies (named in the note). */
    LEGAL_EXEMPTION,
    /** The same request was already answered. */
    DUPLICATE,
    /** The provider holds no personal data of this subject. */
    NO_DATA_HELD,
    OTHER
}
