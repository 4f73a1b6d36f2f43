package dev.steward.disclosure.record;

import dev.steward.disclosure.ledger.ContentDigests;
import dev.steward.disclosure.ledger.LedgerContent;
import dev.steward.disclosure.ledger.WriteBatch;
import dev.steward.disclosure.record.NewDisclosure.Attachment;
import dev.steward.disclosure.record.NewDisclosure.NonDisclosureOrder;
import dev.steward.platform.subject.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Disclosure records in the ledger: their rows are written only by the ledger writer's group
 * commit (plain JDBC batches, in the same transaction as their entry), and their digests are
 * recomputed from the stored rows for the verifier. Reads go through {@link Disclosure}.
 */
@ApplicationScoped
public class DisclosureRepository implements ContentDigests {

    /** A record as ledger content: its rows go in with the ledger entry, in one transaction. */
    private record Content(String type, UUID ref, String digest, Instant recordedAt, DisclosureRecord record)
            implements LedgerContent {
        @Override
        public void write(WriteBatch batch, long seq) throws SQLException {
            insert(batch, record, seq);
        }
    }

    public LedgerContent content(DisclosureRecord r) {
        return new Content(r.ledgerType(), r.id(), r.digest(), r.recordedAt(), r);
    }

    private static void insert(WriteBatch batch, DisclosureRecord r, long seq) throws SQLException {
        PreparedStatement d = batch.statement("insert into disclosure (id, ledger_seq, recorded_at, recorded_by,"
                + " recipient_type, recipient_name, recipient_contact, legal_basis, case_reference, received_on,"
                + " disclosed_on, data_categories, purpose, outcome, approver, nondisclosure_until,"
                + " nondisclosure_indefinite, nondisclosure_review_on, corrects, correction_note)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        NonDisclosureOrder ndo = r.nonDisclosureOrder();
        d.setObject(1, r.id());
        d.setLong(2, seq);
        d.setTimestamp(3, Timestamp.from(r.recordedAt()));
        d.setString(4, r.recordedBy());
        d.setString(5, r.recipient().type().name());
        d.setString(6, r.recipient().name());
        d.setString(7, r.recipient().contact());
        d.setString(8, r.legalBasis().name());
        d.setString(9, r.caseReference());
        d.setDate(10, Date.valueOf(r.receivedOn()));
        d.setDate(11, r.disclosedOn() == null ? null : Date.valueOf(r.disclosedOn()));
        d.setArray(12, batch.connection().createArrayOf("text", r.dataCategories().toArray()));
        d.setString(13, r.purpose());
        d.setString(14, r.outcome().name());
        d.setString(15, r.approver());
        d.setDate(16, ndo == null || ndo.until() == null ? null : Date.valueOf(ndo.until()));
        d.setBoolean(17, ndo != null && ndo.indefinite());
        d.setDate(18, ndo == null || ndo.reviewOn() == null ? null : Date.valueOf(ndo.reviewOn()));
        d.setObject(19, r.corrects());
        d.setString(20, r.correctionNote());
        d.addBatch();
        PreparedStatement s = batch.statement("insert into disclosure_subject (disclosure_id, ordinal, org, kind,"
                + " subject_id) values (?, ?, ?, ?, ?)");
        int i = 0;
        for (SubjectRef ref : r.subjects()) {
            s.setObject(1, r.id());
            s.setInt(2, i++);
            s.setString(3, ref.org());
            s.setString(4, ref.kind().name());
            s.setString(5, ref.id());
            s.addBatch();
        }
        if (!r.attachments().isEmpty()) {
            PreparedStatement a = batch.statement("insert into disclosure_attachment (disclosure_id, ordinal, name,"
                    + " sha256, media_type) values (?, ?, ?, ?, ?)");
            int j = 0;
            for (Attachment att : r.attachments()) {
                a.setObject(1, r.id());
                a.setInt(2, j++);
                a.setString(3, att.name());
                a.setString(4, att.sha256());
                a.setString(5, att.mediaType());
                a.addBatch();
            }
        }
    }

    @Override
    public Collection<String> types() {
        return List.of("DISCLOSURE", "CORRECTION");
    }

    @Override
    public Map<UUID, String> digests(String type, Collection<UUID> refs) {
        Map<UUID, String> out = new HashMap<>();
        for (Disclosure d : Disclosure.<Disclosure>list("id in ?1", refs)) {
            out.put(d.id, d.toRecord().digest());
            Disclosure.getEntityManager().detach(d); // the verifier streams the whole ledger: keep nothing managed
        }
        return out;
    }
}
