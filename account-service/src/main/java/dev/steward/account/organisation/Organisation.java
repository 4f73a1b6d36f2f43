package dev.steward.account.organisation;

import java.time.Instant;

/** A Client organisation as the API shows it. */
public record Organisation(String id, String name, Status status, Instant createdAt) {

    public enum Status { ACTIVE, CLOSED, TERMINATED_FOR_VIOLATION }
}
