package dev.steward.console.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.console.peer.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request as request-service shows it (enums kept as text: the console only displays them). */
public record RequestView(UUID id, String type, SubjectRef subject, String status, String manner, String jurisdiction,
                          String submittedBy, Instant receivedAt, Instant dueAt, Instant originalDueAt, Long daysLeft,
                          boolean overdue, DeadlineExtension extension, Instant respondedAt, String denialReason,
                          JsonNode outcome, List<Event> events, List<LogEntry> executionLog, List<Note> notes) {

    public record Event(long seq, String from, String to, String actor, Instant at, String reasonCode, String note) {
    }

    public record LogEntry(String step, int attempt, Instant startedAt, Instant finishedAt, String outcome,
                           String detail) {
    }

    public record DeadlineExtension(int days, String reason) {
    }

    public record Note(String author, Instant at, String text) {
    }
}
