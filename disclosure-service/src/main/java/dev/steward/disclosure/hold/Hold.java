package dev.steward.disclosure.hold;

import dev.steward.platform.subject.SubjectRef;
import java.time.Instant;
import java.util.UUID;

/**
 * A legal hold with its history: who placed it, when and why, and — once released — who
 * released it, when and why. {@code subject} is null for a hold on a whole organisation.
 */
public record Hold(UUID id, LegalHold.Scope scope, String org, SubjectRef subject, HoldReason reason,
                   String description, String caseReference, String placedBy, Instant placedAt, boolean active,
                   String releasedBy, Instant releasedAt, String releaseReason) {

    static Hold of(LegalHold h) {
        HoldRelease r = h.release;
        return new Hold(h.id, h.scope, h.org, h.subject(), h.reason, h.description, h.caseReference, h.placedBy,
                h.placedAt, r == null, r == null ? null : r.releasedBy, r == null ? null : r.releasedAt,
                r == null ? null : r.reason);
    }
}
