package dev.steward.disclosure.hold;

/** Why personal data must be kept despite an erasure request (§8 b, c). */
public enum HoldReason { FRAUD_INVESTIGATION, LITIGATION, ACCOUNT_VIOLATION, REGULATOR_REQUEST, PRESERVATION_REQUEST }
