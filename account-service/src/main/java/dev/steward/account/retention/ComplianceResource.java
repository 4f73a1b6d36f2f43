package dev.steward.account.retention;

import dev.steward.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Figures for the compliance report (§17), computed from live data (JDBC: aggregates over whole tables). */
@Path("/internal/compliance")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class ComplianceResource {

    public record Compliance(int flaggedSensitiveRecords, int retentionOverruns) {
    }

    private final AgroalDataSource db;
    private final RetentionConfig config;

    public ComplianceResource(AgroalDataSource db, RetentionConfig config) {
        this.db = db;
        this.config = config;
    }

    @GET
    public Compliance get() throws SQLException {
        try (Connection c = db.getConnection()) {
            int flagged = count(c, "select count(*) from end_user_record where flagged_sensitive", null);
            int overdueFields = count(c, "select count(*) from (" + RetentionRules.OVERDUE_FIELDS + ") x", null);
            int overdueLogs = count(c, "select count(*) from access_log where at < now() - ? * interval '1 day'",
                    config.accessLogDays());
            return new Compliance(flagged, overdueFields + overdueLogs);
        }
    }

    private static int count(Connection c, String sql, Integer param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setInt(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
            }
        }
    }
}
