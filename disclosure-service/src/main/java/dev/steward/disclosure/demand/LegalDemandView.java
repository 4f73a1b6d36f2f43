package dev.steward.disclosure.demand;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.steward.disclosure.demand.NewLegalDemand.Agency;
import dev.steward.disclosure.demand.NewLegalDemand.DateRange;
import dev.steward.disclosure.demand.NewLegalDemand.NonDisclosureOrder;
import dev.steward.disclosure.demand.NewLegalDemand.Notice;
import dev.steward.platform.subject.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A legal demand as the API shows it: the intake, where it stands, its deadlines, the actions it
 * allows now, and (on GET /legal-demands/{id}) its events, oldest first, each with its ledger entry.
 */
public record LegalDemandView(
        UUID id, DemandStatus status, boolean emergency, String emergencyJustification,
        Channel channel, LocalDate receivedOn, Instant recordedAt, String recordedBy, Agency agency,
        String country, String jurisdiction, String caseNumber, ProcessType processType, String statute,
        List<SubjectRef> identifiers, List<String> dataCategories, DateRange dateRange,
        LocalDate responseDueOn, Deadline deadline, NonDisclosureOrder nonDisclosureOrder, boolean nonDisclosureActive,
        Notice notice, UUID followsDemand, String description,
        int accountsSpecified, int accountsAffected, boolean contested, boolean scopeReviewed, String approvedBy,
        Preservation preservation, List<DemandStatus> allowedTransitions, List<UUID> disclosures, List<Event> events) {

    /** The response deadline: open demands only are overdue or due soon; days left is negative when overdue. */
    public record Deadline(boolean overdue, boolean dueSoon, long daysLeft) {
    }

    /** A preservation's legal holds: until when, whether extended (once only), whether released. */
    public record Preservation(LocalDate until, boolean extended, boolean released, boolean expiringSoon,
                               List<UUID> holds) {
    }

    /**
     * One event: a transition ({@code from} → {@code to}) or an action that keeps the status
     * (SCOPE_REVIEWED, GAG_LIFT_EFFORT, PRESERVATION_EXTENDED, PRESERVATION_LAPSED,
     * NOTICE_DELIVERED); {@code details} is the action's data as recorded (canonical JSON).
     */
    public record Event(UUID id, int step, String action, DemandStatus from, DemandStatus to, String actor,
                        Instant at, String reason, RejectionReason reasonCode, @JsonRawValue String details,
                        UUID disclosureId, Integer accountsAffected, Long ledgerSeq) {
    }
}
