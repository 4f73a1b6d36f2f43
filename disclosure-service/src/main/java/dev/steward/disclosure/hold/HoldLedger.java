package dev.steward.disclosure.hold;

import dev.steward.disclosure.ledger.ContentDigests;
import dev.steward.disclosure.ledger.LedgerContent;
import dev.steward.disclosure.ledger.WriteBatch;
import dev.steward.disclosure.platform.Digests;
import dev.steward.disclosure.platform.Jcs;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Holds in the ledger (issue 16): placing and releasing a hold are ledger entries (HOLD_PLACED,
 * HOLD_RELEASED, both referring to the hold's id) whose rows — legal_hold, legal_hold_release —
 * the group commit inserts with the entry (plain JDBC batches, like disclosures). The entry holds
 * the SHA-256 of the row's canonical JSON; verification recomputes it from the stored row.
 */
@ApplicationScoped
public class HoldLedger implements ContentDigests {

    static final String PLACED = "HOLD_PLACED";
    static final String RELEASED = "HOLD_RELEASED";

    private record Content(String type, UUID ref, String digest, Instant recordedAt, Writer writer)
            implements LedgerContent {
        @Override
        public void write(WriteBatch batch, long seq) throws SQLException {
            writer.write(batch);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(WriteBatch batch) throws SQLException;
    }

    public LedgerContent placed(LegalHold h) {
        return new Content(PLACED, h.id, Digests.sha256Hex(Jcs.bytes(canonical(h))), h.placedAt, batch -> {
            PreparedStatement ps = batch.statement("insert into legal_hold (id, scope, org, subject_kind, subject_id,"
                    + " reason, description, case_reference, placed_by, placed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, h.id);
            ps.setString(2, h.scope.name());
            ps.setString(3, h.org);
            ps.setString(4, h.subjectKind == null ? null : h.subjectKind.name());
            ps.setString(5, h.subjectId);
            ps.setString(6, h.reason.name());
            ps.setString(7, h.description);
            ps.setString(8, h.caseReference);
            ps.setString(9, h.placedBy);
            ps.setTimestamp(10, Timestamp.from(h.placedAt));
            ps.addBatch();
        });
    }

    LedgerContent released(UUID holdId, HoldRelease r) {
        return new Content(RELEASED, holdId, Digests.sha256Hex(Jcs.bytes(canonical(holdId, r))), r.releasedAt, batch -> {
            PreparedStatement ps = batch.statement("insert into legal_hold_release (hold_id, reason, released_by,"
                    + " released_at) values (?, ?, ?, ?)");
            ps.setObject(1, holdId);
            ps.setString(2, r.reason);
            ps.setString(3, r.releasedBy);
            ps.setTimestamp(4, Timestamp.from(r.releasedAt));
            ps.addBatch();
        });
    }

    static Map<String, Object> canonical(LegalHold h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id.toString());
        m.put("scope", h.scope.name());
        m.put("org", h.org);
        m.put("subjectKind", h.subjectKind == null ? null : h.subjectKind.name());
        m.put("subjectId", h.subjectId);
        m.put("reason", h.reason.name());
        m.put("description", h.description);
        m.put("caseReference", h.caseReference);
        m.put("placedBy", h.placedBy);
        m.put("placedAt", h.placedAt.toString());
        return m;
    }

    static Map<String, Object> canonical(UUID holdId, HoldRelease r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holdId", holdId.toString());
        m.put("reason", r.reason);
        m.put("releasedBy", r.releasedBy);
        m.put("releasedAt", r.releasedAt.toString());
        return m;
    }

    @Override
    public Collection<String> types() {
        return List.of(PLACED, RELEASED);
    }

    @Override
    public Map<UUID, String> digests(String type, Collection<UUID> refs) {
        Map<UUID, String> out = new HashMap<>();
        if (PLACED.equals(type)) {
            // with the release in the same query: its one-to-one would otherwise be loaded hold by hold
            for (LegalHold h : LegalHold.<LegalHold>list("from LegalHold h left join fetch h.release where h.id in ?1", refs)) {
                out.put(h.id, Digests.sha256Hex(Jcs.bytes(canonical(h))));
                LegalHold.getEntityManager().detach(h); // the verifier streams the whole ledger: keep nothing managed
            }
        } else {
            for (HoldRelease r : HoldRelease.<HoldRelease>list("holdId in ?1", refs)) {
                out.put(r.holdId, Digests.sha256Hex(Jcs.bytes(canonical(r.holdId, r))));
                HoldRelease.getEntityManager().detach(r);
            }
        }
        return out;
    }
}
