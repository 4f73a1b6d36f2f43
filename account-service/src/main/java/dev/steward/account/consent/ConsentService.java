package dev.steward.account.consent;

import dev.steward.account.platform.db.Tx;
import dev.steward.platform.paging.Page;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Consent and opt-out choices per purpose with their full history, and restriction of processing.
 * §6: without a notice to the contrary sharing is allowed, so every purpose defaults to true.
 */
@ApplicationScoped
public class ConsentService {

    public record Event(long id, Purpose purpose, boolean granted, Instant at, String actor, String source) {
    }

    private final AgroalDataSource db;

    public ConsentService(AgroalDataSource db) {
        this.db = db;
    }

    public Event record(SubjectRef ref, ConsentChoice choice, String actor, String source) throws SQLException {
        return Tx.run(db, c -> record(c, ref, choice.purpose(), choice.granted(), actor, source));
    }

    public Event record(Connection c, SubjectRef ref, Purpose purpose, boolean granted, String actor, String source)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into consent_event (org, kind, subject_id, purpose, "
                + "granted, actor, source) values (?, ?, ?, ?, ?, ?, ?) returning id, at")) {
            ps.setString(1, ref.org());
            ps.setString(2, ref.kind().name());
            ps.setString(3, ref.id());
            ps.setString(4, purpose.name());
            ps.setBoolean(5, granted);
            ps.setString(6, actor);
            ps.setString(7, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Event(rs.getLong(1), purpose, granted, rs.getTimestamp(2).toInstant(), actor, source);
            }
        }
    }

    public ConsentState state(SubjectRef ref) throws SQLException {
        try (Connection c = db.getConnection()) {
            return state(c, ref);
        }
    }

    public ConsentState state(Connection c, SubjectRef ref) throws SQLException {
        Map<Purpose, Boolean> purposes = new EnumMap<>(Purpose.class);
        for (Purpose p : Purpose.values()) {
            purposes.put(p, true);
        }
        try (PreparedStatement ps = c.prepareStatement("select distinct on (purpose) purpose, granted from consent_event "
                + "where org = ? and kind = ? and subject_id = ? order by purpose, id desc")) {
            bind(ps, ref);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    purposes.put(Purpose.valueOf(rs.getString(1)), rs.getBoolean(2));
                }
            }
        }
        boolean restricted = restricted(c, ref);
        if (restricted) {
            purposes.replaceAll((p, allowed) -> false);
        }
        return new ConsentState(ref, restricted, purposes);
    }

    public boolean restricted(Connection c, SubjectRef ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select restricted from restriction where org = ? and kind = ? and subject_id = ?")) {
            bind(ps, ref);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public ConsentState restrict(SubjectRef ref, boolean restricted, String requestId) throws SQLException {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into restriction (org, kind, subject_id, restricted, "
                    + "request_id, updated_at) values (?, ?, ?, ?, ?, now()) on conflict (org, kind, subject_id) do update "
                    + "set restricted = excluded.restricted, request_id = excluded.request_id, updated_at = now()")) {
                bind(ps, ref);
                ps.setBoolean(4, restricted);
                ps.setString(5, requestId);
                ps.executeUpdate();
            }
            return state(c, ref);
        });
    }

    public Page<Event> history(SubjectRef ref, String cursor, int limit) throws SQLException {
        String after = Page.decode(cursor);
        long afterId = after == null ? 0 : parse(after);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, purpose, granted, at, actor, source from consent_event "
                     + "where org = ? and kind = ? and subject_id = ? and id > ? order by id limit ?")) {
            bind(ps, ref);
            ps.setLong(4, afterId);
            ps.setInt(5, limit + 1);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), Purpose.valueOf(rs.getString(2)), rs.getBoolean(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)));
                }
            }
            return Page.of(out, limit, e -> Long.toString(e.id()));
        }
    }

    private static long parse(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw dev.steward.platform.problem.ProblemException.badRequest("The cursor is not valid",
                    new dev.steward.platform.problem.Problem.FieldError("cursor", "is not a cursor this API issued"));
        }
    }

    private static void bind(PreparedStatement ps, SubjectRef ref) throws SQLException {
        ps.setString(1, ref.org());
        ps.setString(2, ref.kind().name());
        ps.setString(3, ref.id());
    }
}
