package dev.steward.disclosure.hold;

import dev.steward.platform.subject.SubjectRef;
import java.time.Instant;
import java.util.UUID;

/**
 * A legal hold with its history: who placed it, when and why, and — once released — who
 * released it, when and why. {@code subject} is null for a hold on a whole organisation.
 */
public record Hold(UUID id, Scope scope, String org, SubjectRef subject, HoldReason reason, String description,
                   String caseReference, String placedBy, Instant placedAt, boolean active,
                   String releasedBy, Instant releasedAt, String releaseReason) {

    public enum Scope { SUBJECT, ORG }
}
