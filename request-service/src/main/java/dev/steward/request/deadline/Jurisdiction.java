package dev.steward.request.deadline;

/** The law whose deadline applies: GDPR Art. 12(3), CCPA §1798.130; DEFAULT is configurable. */
public enum Jurisdiction { GDPR, CCPA, DEFAULT }
