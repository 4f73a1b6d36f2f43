package dev.steward.console.legal;

import dev.steward.console.peer.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A disclosure to law enforcement or a regulator waiting for a second legal user, as
 * disclosure-service shows it: what was proposed, by whom, and what became of it.
 */
public record Proposal(UUID id, String status, String proposedBy, Instant proposedAt, Proposed disclosure,
                       String decidedBy, Instant decidedAt, String reason, UUID disclosureId) {

    public static final String AWAITING = "AWAITING_APPROVAL";

    /** The disclosure as proposed: recorded exactly so once approved. */
    public record Proposed(DisclosureView.Recipient recipient, String legalBasis, String caseReference,
                           LocalDate receivedOn, LocalDate disclosedOn, List<SubjectRef> subjects,
                           List<String> dataCategories, String purpose, String outcome, List<Attachment> attachments,
                           DisclosureView.NonDisclosureOrder nonDisclosureOrder, UUID corrects, String correctionNote) {
    }

    public record Attachment(String name, String sha256, String mediaType) {
    }

    public boolean awaiting() {
        return AWAITING.equals(status);
    }

    /** Whether a second person could approve it: only those the service requires one for. */
    public static boolean needsApproval(String recipientType) {
        return "LAW_ENFORCEMENT".equals(recipientType) || "REGULATOR".equals(recipientType);
    }
}
