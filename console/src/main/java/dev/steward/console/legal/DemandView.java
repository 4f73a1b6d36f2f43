package dev.steward.console.legal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.console.peer.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A legal demand as disclosure-service shows it (GET /legal-demands/{id}, issue 15): the intake,
 * where it stands, its deadline, the statuses it may move to now and its events with their ledger
 * sequence. Enums kept as text: the console only displays them and sends them back.
 */
public record DemandView(UUID id, String status, boolean emergency, String emergencyJustification, String channel,
                         LocalDate receivedOn, Instant recordedAt, String recordedBy, Agency agency, String country,
                         String jurisdiction, String caseNumber, String processType, String statute,
                         List<SubjectRef> identifiers, List<String> dataCategories, DateRange dateRange,
                         LocalDate responseDueOn, Deadline deadline, NonDisclosureOrder nonDisclosureOrder,
                         boolean nonDisclosureActive, Notice notice, String description, int accountsSpecified,
                         int accountsAffected, boolean contested, String approvedBy, Preservation preservation,
                         List<String> allowedTransitions, List<UUID> disclosures, List<Event> events) {

    public DemandView {
        identifiers = identifiers == null ? List.of() : identifiers;
        dataCategories = dataCategories == null ? List.of() : dataCategories;
        allowedTransitions = allowedTransitions == null ? List.of() : allowedTransitions;
        disclosures = disclosures == null ? List.of() : disclosures;
        events = events == null ? List.of() : events;
    }

    /** Answered (produced, rejected or nothing to produce): its response deadline no longer counts down. */
    public boolean closed() {
        return List.of("PRODUCED_FULL", "PRODUCED_PARTIAL", "REJECTED", "NO_DATA").contains(status);
    }

    public record Agency(String type, String name, String officer, String contact) {
    }

    public record DateRange(LocalDate from, LocalDate to) {
    }

    /** Open demands only: overdue, due soon, days left (negative when overdue). */
    public record Deadline(boolean overdue, boolean dueSoon, long daysLeft) {

        public String badge() {
            return daysLeft >= 0 ? daysLeft + (daysLeft == 1 ? " day left" : " days left")
                    : -daysLeft + (daysLeft == -1 ? " day overdue" : " days overdue");
        }

        public boolean urgent() {
            return overdue || dueSoon;
        }
    }

    public record NonDisclosureOrder(String authority, LocalDate until, boolean indefinite, LocalDate reviewOn) {
    }

    public record Notice(boolean client, boolean subject) {
    }

    public record Preservation(LocalDate until, boolean extended, boolean released, boolean expiringSoon,
                               List<UUID> holds) {
    }

    /** A transition (from → to) or an action that keeps the status, with its ledger entry. */
    public record Event(UUID id, int step, String action, String from, String to, String actor, Instant at,
                        String reason, String reasonCode, JsonNode details, UUID disclosureId, Integer accountsAffected,
                        Long ledgerSeq) {
    }

    public boolean allows(String status) {
        return allowedTransitions.contains(status);
    }
}
