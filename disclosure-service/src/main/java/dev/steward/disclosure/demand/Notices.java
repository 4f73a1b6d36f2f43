package dev.steward.disclosure.demand;

import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Notices to Client orgs that are due: one per demand that notifies Clients and per org among its
 * named subjects (not the provider's own org: its customers learn from their accounting), once no
 * non-disclosure order forbids it — due from the day the demand was received, or the day after the
 * order lapsed; overdue after the grace days. An indefinite order keeps it from being due at all.
 */
@ApplicationScoped
public class Notices {

    /** A notice due (or overdue) and not yet acknowledged by the Client. */
    public record Due(UUID demandId, String org, boolean emergency, LocalDate dueOn, boolean overdue, int attempts,
                      Integer lastStatus, String lastError, Instant deliveredAt) {
    }

    private final AgroalDataSource db;
    private final Clock clock;
    private final LegalSettings settings;

    public Notices(AgroalDataSource db, Clock clock, LegalSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    /** Undelivered notices due by today ({@code overdueOnly}: past the grace days), emergencies first, oldest due first. */
    public List<Due> due(boolean overdueOnly, int limit) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        List<Due> out = new ArrayList<>();
        // plain JDBC: a set-based join over demands, their orgs, states and deliveries; nothing to map to entities
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select d.id, o.org, d.emergency,"
                     + " coalesce(st.gag_until + 1, d.received_on) as due_on, n.attempts, n.last_status, n.last_error,"
                     + " n.delivered_at"
                     + " from legal_demand d join legal_demand_state st on st.demand_id = d.id"
                     + " join (select distinct demand_id, org from legal_demand_subject) o on o.demand_id = d.id"
                     + " left join legal_notice n on n.demand_id = d.id and n.org = o.org"
                     + " where d.notify_client and o.org <> ? and not st.gag_indefinite"
                     + " and coalesce(st.gag_until + 1, d.received_on) <= ? and n.delivered_at is null"
                     + " order by d.priority, due_on, d.id, o.org limit ?")) {
            ps.setString(1, SubjectRef.PROVIDER_ORG);
            ps.setDate(2, Date.valueOf(overdueOnly ? today.minusDays(settings.noticeGraceDays() + 1L) : today));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate dueOn = rs.getDate(4).toLocalDate();
                    int status = rs.getInt(6);
                    Integer lastStatus = rs.wasNull() ? null : status;
                    Timestamp delivered = rs.getTimestamp(8);
                    out.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), dueOn,
                            dueOn.plusDays(settings.noticeGraceDays()).isBefore(today), rs.getInt(5), lastStatus,
                            rs.getString(7), delivered == null ? null : delivered.toInstant()));
                }
            }
        }
        return out;
    }
}
