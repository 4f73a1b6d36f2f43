package dev.steward.account.organisation;

import java.time.Instant;

/** A Client organisation as the public API shows it: the callback secret is write-only. */
public record Organisation(String id, String name, Status status, String statusReason, Instant statusChangedAt,
                           String callbackUrl, boolean callbackSecretSet, boolean sensitiveDataAcknowledged,
                           Instant createdAt) {

    public enum Status { ACTIVE, CLOSED, TERMINATED_FOR_VIOLATION }
}
