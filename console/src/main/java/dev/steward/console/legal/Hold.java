package dev.steward.console.legal;

import dev.steward.console.peer.SubjectRef;
import java.time.Instant;
import java.util.UUID;

/** A legal hold with its history (placed, and once released: by whom, when, why). */
public record Hold(UUID id, String scope, String org, SubjectRef subject, String reason, String description,
                   String caseReference, String placedBy, Instant placedAt, boolean active, String releasedBy,
                   Instant releasedAt, String releaseReason) {
}
