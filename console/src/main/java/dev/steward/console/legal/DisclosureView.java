package dev.steward.console.legal;

import dev.steward.console.peer.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A disclosure as disclosure-service shows it, with its place in the ledger. */
public record DisclosureView(UUID id, Instant recordedAt, String recordedBy, Recipient recipient, String legalBasis,
                             String caseReference, LocalDate receivedOn, LocalDate disclosedOn,
                             List<SubjectRef> subjects, List<String> dataCategories, String purpose, String outcome,
                             String approver, NonDisclosureOrder nonDisclosureOrder, boolean nonDisclosureActive,
                             boolean voluntary, UUID corrects, String correctionNote, List<UUID> correctedBy,
                             Ledger ledger) {

    public record Recipient(String type, String name, String contact) {
    }

    public record NonDisclosureOrder(LocalDate until, boolean indefinite, LocalDate reviewOn) {
    }

    public record Ledger(long seq, String hash, String contentDigest) {
    }
}
