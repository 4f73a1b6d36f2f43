package dev.steward.disclosure.record;

import dev.steward.disclosure.record.NewDisclosure.Attachment;
import dev.steward.disclosure.record.NewDisclosure.NonDisclosureOrder;
import dev.steward.disclosure.record.NewDisclosure.Recipient;
import dev.steward.platform.subject.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A disclosure as the API shows it: the record, where it sits in the ledger, and its corrections. */
public record DisclosureView(UUID id, Instant recordedAt, String recordedBy, Recipient recipient,
                             LegalBasis legalBasis, String caseReference, LocalDate receivedOn, LocalDate disclosedOn,
                             List<SubjectRef> subjects, List<String> dataCategories, String purpose, Outcome outcome,
                             String approver, List<Attachment> attachments, NonDisclosureOrder nonDisclosureOrder,
                             boolean nonDisclosureActive, boolean voluntary, UUID corrects, String correctionNote,
                             List<UUID> correctedBy, Ledger ledger) {

    /**
     * The ledger entry: sequence number, its hash, the digest of this record's canonical JSON, and
     * its 0-based index in the RFC 9162 tree (seq - 1), by which a proof is asked for
     * ({@code GET /disclosures/{id}/proof}, {@code /ledger/proof/inclusion?index=}).
     */
    public record Ledger(long seq, String hash, String contentDigest, long index) {

        static Ledger of(long seq, String hash, String contentDigest) {
            return new Ledger(seq, hash, contentDigest, seq - 1);
        }
    }

    static DisclosureView of(DisclosureRecord r, LocalDate today, List<UUID> correctedBy, Ledger ledger) {
        return new DisclosureView(r.id(), r.recordedAt(), r.recordedBy(), r.recipient(), r.legalBasis(),
                r.caseReference(), r.receivedOn(), r.disclosedOn(), r.subjects(), r.dataCategories(), r.purpose(),
                r.outcome(), r.approver(), r.attachments(), r.nonDisclosureOrder(), r.gaggedOn(today), r.voluntary(),
                r.corrects(), r.correctionNote(), correctedBy, ledger);
    }
}
