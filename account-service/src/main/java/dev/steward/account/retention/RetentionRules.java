package dev.steward.account.retention;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Retention rules per data-category prefix and org status (§7); the longest matching prefix wins. */
@ApplicationScoped
public class RetentionRules {

    public record Rule(long id, String categoryPrefix, String orgStatus, int retainDays, String basis) {
        boolean matches(String category, String status) {
            return orgStatus.equals(status)
                    && (category.equals(categoryPrefix) || category.startsWith(categoryPrefix + "."));
        }
    }

    /** SQL: personal fields past retention, with their subject (used by the purge and the compliance count). */
    public static final String OVERDUE_FIELDS = "select f.subject_id, f.name, s.org, s.kind, s.ext_id from personal_field f "
            + "join subject s on s.id = f.subject_id join organisation o on o.id = s.org "
            + "cross join lateral (select r.retain_days from retention_rule r where r.org_status = o.status "
            + "  and (f.category = r.category_prefix or f.category like r.category_prefix || '.%') "
            + "  order by length(r.category_prefix) desc limit 1) r "
            + "where (case when o.status = 'ACTIVE' then f.collected_at else o.status_changed_at end) "
            + "  + r.retain_days * interval '1 day' < now()";

    private final AgroalDataSource db;
    private final int accessLogDays;

    public RetentionRules(AgroalDataSource db,
                          @ConfigProperty(name = "steward.retention.access-log-days", defaultValue = "395") int accessLogDays) {
        this.db = db;
        this.accessLogDays = accessLogDays;
    }

    public int accessLogDays() {
        return accessLogDays;
    }

    public List<Rule> all() throws SQLException {
        try (Connection c = db.getConnection()) {
            return all(c);
        }
    }

    public List<Rule> all(Connection c) throws SQLException {
        List<Rule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, category_prefix, org_status, retain_days, basis from retention_rule order by category_prefix, org_status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Rule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
            }
        }
        return out;
    }

    /** A person-readable statement of how long a field of this category is kept while the org has this status. */
    public static String describe(List<Rule> rules, String category, String orgStatus) {
        Rule best = null;
        for (Rule r : rules) {
            if (r.matches(category, orgStatus) && (best == null || r.categoryPrefix().length() > best.categoryPrefix().length())) {
                best = r;
            }
        }
        StringBuilder s = new StringBuilder();
        if (best != null) {
            s.append(best.retainDays()).append(" days ")
                    .append("ACTIVE".equals(orgStatus) ? "after collection" : "after the organisation's status changed to " + orgStatus)
                    .append(" (").append(best.basis()).append(')');
        } else {
            s.append("as long as the service is provided (§7)");
        }
        for (Rule r : rules) {
            if ("CLOSED".equals(r.orgStatus()) && !"CLOSED".equals(orgStatus) && r.matches(category, "CLOSED")) {
                s.append("; then ").append(r.retainDays()).append(" days after the service ends");
                break;
            }
        }
        return s.toString();
    }
}
