package dev.steward.request.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.deadline.Jurisdiction;
import dev.steward.request.lifecycle.DenialReason;
import dev.steward.request.lifecycle.Manner;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request as the API shows it. {@code daysLeft} counts whole days to the due date (negative
 * once overdue) while the request is open. Lists leave out events, executionLog and notes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, RequestType type, SubjectRef subject, RequestStatus status, Manner manner,
                          Jurisdiction jurisdiction, String submittedBy, Instant receivedAt, Instant dueAt,
                          Instant originalDueAt, Long daysLeft, boolean overdue, Extension extension,
                          Acknowledgement acknowledgement, Instant respondedAt, DenialReason denialReason,
                          JsonNode outcome, List<Event> events, List<LogEntry> executionLog, List<Note> notes) {

    public record Event(long seq, RequestStatus from, RequestStatus to, String actor, Instant at, DenialReason reasonCode,
                        String note) {
    }

    public record LogEntry(String step, int attempt, Instant startedAt, Instant finishedAt, String outcome, String detail) {
    }

    public record Extension(int days, String reason) {
    }

    /** CCPA: receipt confirmed within 10 business days ({@code dueAt} null elsewhere). */
    public record Acknowledgement(Instant acknowledgedAt, Instant dueAt, Boolean onTime) {
    }

    public record Note(String author, Instant at, String text) {
    }
}
