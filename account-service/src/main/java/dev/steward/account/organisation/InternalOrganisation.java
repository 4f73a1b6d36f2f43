package dev.steward.account.organisation;

import java.time.Instant;

/** The organisation as the other services read it (internal API): includes the callback signing secret. */
public record InternalOrganisation(String id, String name, Organisation.Status status, String callbackUrl,
                                   String callbackSecret, boolean sensitiveDataAcknowledged, Instant createdAt) {
}
