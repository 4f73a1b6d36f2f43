package dev.steward.account.account;

import java.time.Instant;

/** A recorded §8(c) termination: who (the officer's id and name as their token gave it), when and why. */
public record TerminationView(String sub, String status, String terminatedBy, String terminatedByName,
                              Instant terminatedAt, String reason) {
}
