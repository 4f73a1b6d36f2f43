package dev.steward.disclosure.demand;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One event of a demand (table legal_demand_event): who (token subject and name), when, from which
 * status to which, why, and the action's data as canonical JSON. Each is a ledger entry.
 */
@Entity
@Immutable
@Table(name = "legal_demand_event")
public class DemandEvent extends PanacheEntityBase {

    public static final String RECEIVED = "RECEIVED";
    public static final String TRANSITION = "TRANSITION";
    public static final String SCOPE_REVIEWED = "SCOPE_REVIEWED";
    public static final String GAG_LIFT_EFFORT = "GAG_LIFT_EFFORT";
    public static final String PRESERVATION_EXTENDED = "PRESERVATION_EXTENDED";
    public static final String PRESERVATION_LAPSED = "PRESERVATION_LAPSED";
    public static final String NOTICE_DELIVERED = "NOTICE_DELIVERED";

    @Id
    public UUID id;
    public UUID demandId;
    public int step;
    public String action;
    @Enumerated(EnumType.STRING)
    public DemandStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public DemandStatus toStatus;
    public String actor;
    public String actorId;
    public Instant at;
    public String reason;
    @Enumerated(EnumType.STRING)
    public RejectionReason reasonCode;
    public String details;
    public UUID disclosureId;
    public Integer accountsAffected;

    static List<DemandEvent> of(UUID demandId) {
        return list("demandId = ?1 order by step", demandId);
    }

    /** The event as the ledger's digest covers it (RFC 8785 canonical JSON of this map). */
    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("demandId", demandId.toString());
        m.put("step", step);
        m.put("action", action);
        m.put("from", fromStatus == null ? null : fromStatus.name());
        m.put("to", toStatus.name());
        m.put("actor", actor);
        m.put("actorId", actorId);
        m.put("at", at.toString());
        m.put("reason", reason);
        m.put("reasonCode", reasonCode == null ? null : reasonCode.name());
        m.put("details", details);
        m.put("disclosureId", disclosureId == null ? null : disclosureId.toString());
        m.put("accountsAffected", accountsAffected);
        return m;
    }

    LegalDemandView.Event view(Long ledgerSeq) {
        return new LegalDemandView.Event(id, step, action, fromStatus, toStatus, actor, at, reason, reasonCode, details,
                disclosureId, accountsAffected, ledgerSeq);
    }
}
