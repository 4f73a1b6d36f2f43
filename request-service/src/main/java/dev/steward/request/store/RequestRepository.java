package dev.steward.request.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.lifecycle.DenialReason;
import dev.steward.request.lifecycle.Jurisdiction;
import dev.steward.request.lifecycle.Manner;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** dsr_request and its event trail, in plain JDBC on the caller's connection. */
@ApplicationScoped
public class RequestRepository {

    public static final String COLUMNS = "id, type, subject_org, subject_kind, subject_id, status, manner, jurisdiction, "
            + "submitted_by, submitted_role, attestation, contact, details, idem_scope, idem_key, body_hash, received_at, "
            + "due_at, original_due_at, extended_days, extension_reason, ack_due_at, acknowledged_at, responded_at, "
            + "denial_reason, outcome, round";

    private final ObjectMapper json;

    public RequestRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Inserts the request unless another with the same idempotency scope and key exists (the unique
     * index decides, so concurrent duplicates cannot both insert). True when this call inserted it.
     */
    public boolean insertIfAbsent(Connection c, RequestRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into dsr_request (" + COLUMNS + ", updated_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) "
                + "on conflict (idem_scope, idem_key) do nothing")) {
            int i = 1;
            ps.setObject(i++, r.id());
            ps.setString(i++, r.type().name());
            ps.setString(i++, r.subject().org());
            ps.setString(i++, r.subject().kind().name());
            ps.setString(i++, r.subject().id());
            ps.setString(i++, r.status().name());
            ps.setString(i++, r.manner().name());
            ps.setString(i++, r.jurisdiction().name());
            ps.setString(i++, r.submittedBy());
            ps.setString(i++, r.submittedRole());
            ps.setString(i++, r.attestation());
            ps.setString(i++, r.contact());
            ps.setString(i++, write(r.details()));
            ps.setString(i++, r.idemScope());
            ps.setString(i++, r.idemKey());
            ps.setString(i++, r.bodyHash());
            ps.setTimestamp(i++, ts(r.receivedAt()));
            ps.setTimestamp(i++, ts(r.dueAt()));
            ps.setTimestamp(i++, ts(r.originalDueAt()));
            if (r.extendedDays() == null) {
                ps.setNull(i++, Types.INTEGER);
            } else {
                ps.setInt(i++, r.extendedDays());
            }
            ps.setString(i++, r.extensionReason());
            ps.setTimestamp(i++, ts(r.ackDueAt()));
            ps.setTimestamp(i++, ts(r.acknowledgedAt()));
            ps.setTimestamp(i++, ts(r.respondedAt()));
            ps.setString(i++, r.denialReason() == null ? null : r.denialReason().name());
            ps.setString(i++, r.outcome() == null ? null : write(r.outcome()));
            ps.setInt(i++, r.round());
            ps.setTimestamp(i, ts(r.receivedAt()));
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<RequestRecord> findByIdempotencyKey(Connection c, String scope, String key) throws SQLException {
        return one(c, "select " + COLUMNS + " from dsr_request where idem_scope = ? and idem_key = ?", scope, key);
    }

    public Optional<RequestRecord> find(Connection c, UUID id) throws SQLException {
        return one(c, "select " + COLUMNS + " from dsr_request where id = ?", id);
    }

    /** The row, locked until the transaction ends: actions on one request are serialised. */
    public Optional<RequestRecord> lock(Connection c, UUID id) throws SQLException {
        return one(c, "select " + COLUMNS + " from dsr_request where id = ? for update", id);
    }

    /** Moves the status; false when the row is no longer in {@code from} (someone else moved it). */
    public boolean updateStatus(Connection c, UUID id, RequestStatus from, RequestStatus to, Instant at,
                                boolean responded, DenialReason denial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update dsr_request set status = ?, updated_at = ?, "
                + "responded_at = case when ? then cast(? as timestamptz) else null end, denial_reason = ? where id = ? and status = ?")) {
            ps.setString(1, to.name());
            ps.setTimestamp(2, ts(at));
            ps.setBoolean(3, responded);
            ps.setTimestamp(4, ts(at));
            ps.setString(5, denial == null ? null : denial.name());
            ps.setObject(6, id);
            ps.setString(7, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    public void setOutcome(Connection c, UUID id, JsonNode outcome) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update dsr_request set outcome = ?::jsonb where id = ?")) {
            ps.setString(1, outcome == null ? null : write(outcome));
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    public void setExtension(Connection c, UUID id, int days, String reason, Instant due, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update dsr_request set extended_days = ?, extension_reason = ?, "
                + "due_at = ?, updated_at = ? where id = ? and extended_days is null")) {
            ps.setInt(1, days);
            ps.setString(2, reason);
            ps.setTimestamp(3, ts(due));
            ps.setTimestamp(4, ts(at));
            ps.setObject(5, id);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("extension raced");
            }
        }
    }

    public int nextRound(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update dsr_request set round = round + 1 where id = ? returning round")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void insertEvent(Connection c, UUID id, RequestStatus from, RequestStatus to, String actor, Instant at,
                            DenialReason reason, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into dsr_event (request_id, from_status, to_status, actor, "
                + "at, reason_code, note) values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, from == null ? null : from.name());
            ps.setString(3, to.name());
            ps.setString(4, actor);
            ps.setTimestamp(5, ts(at));
            ps.setString(6, reason == null ? null : reason.name());
            ps.setString(7, note);
            ps.executeUpdate();
        }
    }

    public record Event(long seq, RequestStatus from, RequestStatus to, String actor, Instant at, String reasonCode,
                        String note) {
    }

    public List<Event> events(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, from_status, to_status, actor, at, reason_code, note "
                + "from dsr_event where request_id = ? order by id")) {
            ps.setObject(1, id);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(2);
                    out.add(new Event(rs.getLong(1), from == null ? null : RequestStatus.valueOf(from),
                            RequestStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
                            rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        }
    }

    public Optional<RequestRecord> one(Connection c, String sql, Object... args) throws SQLException {
        List<RequestRecord> all = list(c, sql, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public List<RequestRecord> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Instant t) {
                    ps.setTimestamp(i + 1, ts(t));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            List<RequestRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    private RequestRecord map(ResultSet rs) throws SQLException {
        String denial = rs.getString("denial_reason");
        Object ext = rs.getObject("extended_days");
        return new RequestRecord(rs.getObject("id", UUID.class), RequestType.valueOf(rs.getString("type")),
                new SubjectRef(rs.getString("subject_org"), SubjectRef.Kind.valueOf(rs.getString("subject_kind")),
                        rs.getString("subject_id")),
                RequestStatus.valueOf(rs.getString("status")), Manner.valueOf(rs.getString("manner")),
                Jurisdiction.valueOf(rs.getString("jurisdiction")), rs.getString("submitted_by"),
                rs.getString("submitted_role"), rs.getString("attestation"), rs.getString("contact"),
                read(rs.getString("details")), rs.getString("idem_scope"), rs.getString("idem_key"),
                rs.getString("body_hash"), instant(rs, "received_at"), instant(rs, "due_at"),
                instant(rs, "original_due_at"), ext == null ? null : ((Number) ext).intValue(),
                rs.getString("extension_reason"), instant(rs, "ack_due_at"), instant(rs, "acknowledged_at"),
                instant(rs, "responded_at"), denial == null ? null : DenialReason.valueOf(denial),
                read(rs.getString("outcome")), rs.getInt("round"));
    }

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    public String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
