package dev.steward.disclosure.demand;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A demand's current state (table legal_demand_state): a projection of its events, written by the
 * group commit with each event (so it never disagrees with the ledger), read by lists, deadlines
 * and the transparency report. Changed only through {@link DemandLedger}: a new state per event.
 */
@Entity
@Immutable // rewritten by the group commit only, never by Hibernate
@Table(name = "legal_demand_state")
public class DemandState extends PanacheEntityBase {

    @Id
    public UUID demandId;
    public int step;
    @Enumerated(EnumType.STRING)
    public DemandStatus status;
    public Instant changedAt;
    public boolean contested;
    public boolean scopeReviewed;
    public String approvedById;
    public int accountsAffected;
    public LocalDate preserveUntil;
    public boolean preservationExtended;
    public boolean preservationReleased;
    public LocalDate gagUntil;
    public boolean gagIndefinite;

    /** The state after one more event (this one is left as it is: it may be the managed row). */
    DemandState next(DemandEvent e) {
        DemandState s = new DemandState();
        s.demandId = demandId;
        s.step = e.step;
        s.status = e.toStatus;
        s.changedAt = e.at;
        s.contested = contested || e.toStatus == DemandStatus.NARROWED || e.toStatus == DemandStatus.CHALLENGED;
        s.scopeReviewed = scopeReviewed;
        s.approvedById = approvedById;
        s.accountsAffected = accountsAffected;
        s.preserveUntil = preserveUntil;
        s.preservationExtended = preservationExtended;
        s.preservationReleased = preservationReleased;
        s.gagUntil = gagUntil;
        s.gagIndefinite = gagIndefinite;
        return s;
    }

    /** Whether a non-disclosure order forbids notice on {@code today}. */
    boolean gaggedOn(LocalDate today) {
        return gagIndefinite || (gagUntil != null && !today.isAfter(gagUntil));
    }
}
