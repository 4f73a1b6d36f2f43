package dev.steward.account.retention;

import dev.steward.account.organisation.Organisation;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Retention rules per data-category prefix and org status (§7); the longest matching prefix wins. */
@ApplicationScoped
@Transactional
public class RetentionRules {

    /** SQL: personal fields past retention, with their subject (used by the purge and the compliance count). */
    public static final String OVERDUE_FIELDS = "select f.subject_id, f.name, s.org, s.kind, s.ext_id from personal_field f "
            + "join subject s on s.id = f.subject_id join organisation o on o.id = s.org "
            + "cross join lateral (select r.retain_days from retention_rule r where r.org_status = o.status "
            + "  and (f.category = r.category_prefix or f.category like r.category_prefix || '.%') "
            + "  order by length(r.category_prefix) desc limit 1) r "
            + "where (case when o.status = 'ACTIVE' then f.collected_at else o.status_changed_at end) "
            + "  + r.retain_days * interval '1 day' < now()";

    public List<RetentionRule> all() {
        return RetentionRule.listAll(Sort.by("categoryPrefix", "orgStatus"));
    }

    /** Sets the rule of this prefix and status (one per pair). */
    public List<RetentionRule> put(String categoryPrefix, Organisation.Status orgStatus, int retainDays, String basis) {
        RetentionRule rule = RetentionRule.<RetentionRule>find("categoryPrefix = ?1 and orgStatus = ?2", categoryPrefix, orgStatus)
                .firstResultOptional().orElseGet(RetentionRule::new);
        rule.categoryPrefix = categoryPrefix;
        rule.orgStatus = orgStatus;
        rule.retainDays = retainDays;
        rule.basis = basis;
        rule.persist();
        return all();
    }

    /** A person-readable statement of how long a field of this category is kept while the org has this status. */
    public static String describe(List<RetentionRule> rules, String category, Organisation.Status orgStatus) {
        RetentionRule best = null;
        for (RetentionRule r : rules) {
            if (r.matches(category, orgStatus) && (best == null || r.categoryPrefix.length() > best.categoryPrefix.length())) {
                best = r;
            }
        }
        StringBuilder s = new StringBuilder();
        if (best != null) {
            s.append(best.retainDays).append(" days ")
                    .append(orgStatus == Organisation.Status.ACTIVE ? "after collection"
                            : "after the organisation's status changed to " + orgStatus)
                    .append(" (").append(best.basis).append(')');
        } else {
            s.append("as long as the service is provided (§7)");
        }
        for (RetentionRule r : rules) {
            if (r.orgStatus == Organisation.Status.CLOSED && orgStatus != Organisation.Status.CLOSED
                    && r.matches(category, Organisation.Status.CLOSED)) {
                s.append("; then ").append(r.retainDays).append(" days after the service ends");
                break;
            }
        }
        return s.toString();
    }
}
