package dev.steward.disclosure.hold;

import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Holds and their releases: inserts only (the runtime role may not update them). */
@ApplicationScoped
public class HoldRepository {

    private static final String SELECT = "select h.id, h.scope, h.org, h.subject_kind, h.subject_id, h.reason,"
            + " h.description, h.case_reference, h.placed_by, h.placed_at, r.released_by, r.released_at, r.reason"
            + " from legal_hold h left join legal_hold_release r on r.hold_id = h.id";

    private final AgroalDataSource db;

    public HoldRepository(AgroalDataSource db) {
        this.db = db;
    }

    public void insert(UUID id, NewHold hold, String actor, Instant at) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into legal_hold (id, scope, org, subject_kind, subject_id,"
                     + " reason, description, case_reference, placed_by, placed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            SubjectRef s = hold.subject();
            ps.setObject(1, id);
            ps.setString(2, s == null ? "ORG" : "SUBJECT");
            ps.setString(3, s == null ? hold.org() : s.org());
            ps.setString(4, s == null ? null : s.kind().name());
            ps.setString(5, s == null ? null : s.id());
            ps.setString(6, hold.reason().name());
            ps.setString(7, hold.description());
            ps.setString(8, hold.caseReference());
            ps.setString(9, actor);
            ps.setTimestamp(10, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** Records the release; false when the hold was already released (the first release stands). */
    public boolean release(UUID id, String reason, String actor, Instant at) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into legal_hold_release (hold_id, reason, released_by,"
                     + " released_at) values (?, ?, ?, ?) on conflict (hold_id) do nothing")) {
            ps.setObject(1, id);
            ps.setString(2, reason);
            ps.setString(3, actor);
            ps.setTimestamp(4, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Hold> find(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + " where h.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Active holds that cover a subject: those on the subject itself and those on its whole org.
     * With {@code kind}/{@code id} null, only holds on the whole org.
     */
    public List<Hold> activeFor(String org, String kind, String id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + " where r.hold_id is null and h.org = ?"
                     + " and (h.scope = 'ORG' or (h.subject_kind = ? and h.subject_id = ?))"
                     + " order by h.placed_at, h.id")) {
            ps.setString(1, org);
            ps.setString(2, kind);
            ps.setString(3, id);
            return list(ps);
        }
    }

    public int countActive() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from legal_hold h where not exists"
                     + " (select 1 from legal_hold_release r where r.hold_id = h.id)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * One page, newest first, after the cursor key ({@code placedAt|id}); optionally only active or
     * only released holds, and only those of one org or one subject.
     */
    public List<Hold> page(Boolean active, String org, String kind, String subjectId, Instant afterAt, UUID afterId,
                           int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        if (active != null) {
            sql.append(active ? " and r.hold_id is null" : " and r.hold_id is not null");
        }
        if (org != null) {
            sql.append(" and h.org = ?");
            args.add(org);
        }
        if (kind != null) {
            sql.append(" and h.subject_kind = ?");
            args.add(kind);
        }
        if (subjectId != null) {
            sql.append(" and h.subject_id = ?");
            args.add(subjectId);
        }
        if (afterAt != null) {
            sql.append(" and (h.placed_at, h.id) < (?, ?)");
            args.add(Timestamp.from(afterAt));
            args.add(afterId);
        }
        sql.append(" order by h.placed_at desc, h.id desc limit ?");
        args.add(limit);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return list(ps);
        }
    }

    private static List<Hold> list(PreparedStatement ps) throws SQLException {
        List<Hold> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static Hold map(ResultSet rs) throws SQLException {
        String kind = rs.getString(4);
        String org = rs.getString(3);
        Timestamp releasedAt = rs.getTimestamp(12);
        return new Hold(rs.getObject(1, UUID.class), Hold.Scope.valueOf(rs.getString(2)), org,
                kind == null ? null : new SubjectRef(org, SubjectRef.Kind.valueOf(kind), rs.getString(5)),
                HoldReason.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), releasedAt == null, rs.getString(11),
                releasedAt == null ? null : releasedAt.toInstant(), rs.getString(13));
    }
}
