package dev.steward.request.intake;

import dev.steward.platform.subject.SubjectRef;
import java.time.Instant;
import java.util.UUID;

/** A request as the API shows it. */
public record DataSubjectRequest(UUID id, RequestType type, SubjectRef subject, String status,
                                 Jurisdiction jurisdiction, Instant receivedAt, Instant dueAt) {
}
