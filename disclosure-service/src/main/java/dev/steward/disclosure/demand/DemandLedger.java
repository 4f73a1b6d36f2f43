package dev.steward.disclosure.demand;

import dev.steward.disclosure.ledger.ContentDigests;
import dev.steward.disclosure.ledger.LedgerContent;
import dev.steward.disclosure.ledger.WriteBatch;
import dev.steward.disclosure.platform.Digests;
import dev.steward.disclosure.platform.Jcs;
import dev.steward.disclosure.record.Disclosure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Demand events in the ledger: every event is an entry (DEMAND_EVENT, ref = the event's id) whose
 * row — and, for the first, the intake's rows — the group commit inserts with the entry (plain JDBC
 * batches, like disclosures and holds), together with the demand's new state (an upsert of
 * legal_demand_state), so state and ledger never disagree. The entry's digest covers the event's
 * canonical JSON and, for the first event, the intake's.
 */
@ApplicationScoped
public class DemandLedger implements ContentDigests {

    static final String TYPE = "DEMAND_EVENT";

    private record Content(UUID ref, String digest, Instant recordedAt, LegalDemand intake, DemandEvent event,
                           DemandState state) implements LedgerContent {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void write(WriteBatch batch, long seq) throws SQLException {
            if (intake != null) {
                insertIntake(batch, intake);
            }
            insertEvent(batch, event);
            upsertState(batch, state);
        }
    }

    /** The entry for an event (with the intake for a demand's first), and the state it leaves the demand in. */
    LedgerContent content(LegalDemand intake, DemandEvent event, DemandState state) {
        return new Content(event.id, digest(intake, event), event.at, intake, event, state);
    }

    static String digest(LegalDemand intake, DemandEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event.canonical());
        if (intake != null) {
            m.put("intake", intake.canonical());
        }
        return Digests.sha256Hex(Jcs.bytes(m));
    }

    private static void insertIntake(WriteBatch batch, LegalDemand d) throws SQLException {
        PreparedStatement ps = batch.statement("insert into legal_demand (id, recorded_at, recorded_by, recorded_by_id,"
                + " channel, received_on, agency_type, agency_name, agency_officer, agency_contact, country, jurisdiction,"
                + " case_number, process_type, statute, data_categories, range_from, range_to, response_due_on, emergency,"
                + " emergency_justification, priority, accounts_specified, gag_authority, gag_until, gag_indefinite,"
                + " gag_review_on, notify_client, notify_subject, follows_demand, description)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        int i = 1;
        ps.setObject(i++, d.id);
        ps.setTimestamp(i++, Timestamp.from(d.recordedAt));
        ps.setString(i++, d.recordedBy);
        ps.setString(i++, d.recordedById);
        ps.setString(i++, d.channel.name());
        ps.setDate(i++, Date.valueOf(d.receivedOn));
        ps.setString(i++, d.agencyType.name());
        ps.setString(i++, d.agencyName);
        ps.setString(i++, d.agencyOfficer);
        ps.setString(i++, d.agencyContact);
        ps.setString(i++, d.country);
        ps.setString(i++, d.jurisdiction);
        ps.setString(i++, d.caseNumber);
        ps.setString(i++, d.processType.name());
        ps.setString(i++, d.statute);
        ps.setArray(i++, batch.connection().createArrayOf("text", d.dataCategories.toArray()));
        ps.setDate(i++, date(d.rangeFrom));
        ps.setDate(i++, date(d.rangeTo));
        ps.setDate(i++, Date.valueOf(d.responseDueOn));
        ps.setBoolean(i++, d.emergency);
        ps.setString(i++, d.emergencyJustification);
        ps.setShort(i++, d.priority);
        ps.setInt(i++, d.accountsSpecified);
        ps.setString(i++, d.gagAuthority);
        ps.setDate(i++, date(d.gagUntil));
        ps.setBoolean(i++, d.gagIndefinite);
        ps.setDate(i++, date(d.gagReviewOn));
        ps.setBoolean(i++, d.notifyClient);
        ps.setBoolean(i++, d.notifySubject);
        ps.setObject(i++, d.followsDemand);
        ps.setString(i, d.description);
        ps.addBatch();
        PreparedStatement s = batch.statement("insert into legal_demand_subject (demand_id, ordinal, org, kind, subject_id)"
                + " values (?, ?, ?, ?, ?)");
        int n = 0;
        for (Disclosure.Subject ref : d.subjects) {
            s.setObject(1, d.id);
            s.setInt(2, n++);
            s.setString(3, ref.org());
            s.setString(4, ref.kind().name());
            s.setString(5, ref.subjectId());
            s.addBatch();
        }
    }

    private static void insertEvent(WriteBatch batch, DemandEvent e) throws SQLException {
        PreparedStatement ps = batch.statement("insert into legal_demand_event (id, demand_id, step, action, from_status,"
                + " to_status, actor, actor_id, at, reason, reason_code, details, disclosure_id, accounts_affected)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setObject(1, e.id);
        ps.setObject(2, e.demandId);
        ps.setInt(3, e.step);
        ps.setString(4, e.action);
        ps.setString(5, e.fromStatus == null ? null : e.fromStatus.name());
        ps.setString(6, e.toStatus.name());
        ps.setString(7, e.actor);
        ps.setString(8, e.actorId);
        ps.setTimestamp(9, Timestamp.from(e.at));
        ps.setString(10, e.reason);
        ps.setString(11, e.reasonCode == null ? null : e.reasonCode.name());
        ps.setString(12, e.details);
        ps.setObject(13, e.disclosureId);
        if (e.accountsAffected == null) {
            ps.setNull(14, Types.INTEGER);
        } else {
            ps.setInt(14, e.accountsAffected);
        }
        ps.addBatch();
    }

    private static void upsertState(WriteBatch batch, DemandState s) throws SQLException {
        PreparedStatement ps = batch.statement("insert into legal_demand_state as st (demand_id, step, status, changed_at,"
                + " contested, scope_reviewed, approved_by_id, accounts_affected, preserve_until, preservation_extended,"
                + " preservation_released, gag_until, gag_indefinite) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (demand_id) do update set step = excluded.step, status = excluded.status,"
                + " changed_at = excluded.changed_at, contested = excluded.contested,"
                + " scope_reviewed = excluded.scope_reviewed, approved_by_id = excluded.approved_by_id,"
                + " accounts_affected = excluded.accounts_affected, preserve_until = excluded.preserve_until,"
                + " preservation_extended = excluded.preservation_extended,"
                + " preservation_released = excluded.preservation_released, gag_until = excluded.gag_until,"
                + " gag_indefinite = excluded.gag_indefinite");
        ps.setObject(1, s.demandId);
        ps.setInt(2, s.step);
        ps.setString(3, s.status.name());
        ps.setTimestamp(4, Timestamp.from(s.changedAt));
        ps.setBoolean(5, s.contested);
        ps.setBoolean(6, s.scopeReviewed);
        ps.setString(7, s.approvedById);
        ps.setInt(8, s.accountsAffected);
        ps.setDate(9, date(s.preserveUntil));
        ps.setBoolean(10, s.preservationExtended);
        ps.setBoolean(11, s.preservationReleased);
        ps.setDate(12, date(s.gagUntil));
        ps.setBoolean(13, s.gagIndefinite);
        ps.addBatch();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    @Override
    public Collection<String> types() {
        return List.of(TYPE);
    }

    @Override
    public Map<UUID, String> digests(String type, Collection<UUID> refs) {
        Map<UUID, String> out = new HashMap<>();
        for (DemandEvent e : DemandEvent.<DemandEvent>list("id in ?1", refs)) {
            LegalDemand intake = e.step == 1 ? LegalDemand.findById(e.demandId) : null;
            out.put(e.id, digest(intake, e));
            DemandEvent.getEntityManager().detach(e); // the verifier streams the whole ledger: keep nothing managed
            if (intake != null) {
                LegalDemand.getEntityManager().detach(intake);
            }
        }
        return out;
    }
}
