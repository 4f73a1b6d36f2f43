package dev.steward.disclosure.demand;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.ToDoubleFunction;

/**
 * The legal demands' deadline gauges (METRICS.md): {@code steward.legal.demands.overdue},
 * {@code steward.legal.demands.due.soon}, {@code steward.legal.notices.due},
 * {@code steward.legal.preservations.expiring.soon}. Counted from the database when scraped, each in
 * a short transaction of its own (a scrape has no request scope).
 */
@ApplicationScoped
public class DemandGauges {

    private final Clock clock;
    private final LegalSettings settings;
    private final Notices notices;
    private final MeterRegistry registry;

    public DemandGauges(Clock clock, LegalSettings settings, Notices notices, MeterRegistry registry) {
        this.clock = clock;
        this.settings = settings;
        this.notices = notices;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        gauge("steward.legal.demands.overdue", "Open legal demands past their response due date", DemandGauges::overdue);
        gauge("steward.legal.demands.due.soon", "Open legal demands due within the due-soon window", DemandGauges::dueSoon);
        gauge("steward.legal.notices.due", "Notices to Client orgs due and not yet acknowledged", DemandGauges::noticesDue);
        gauge("steward.legal.preservations.expiring.soon", "Preservations whose holds lapse within the due-soon window",
                DemandGauges::preservationsExpiringSoon);
    }

    private void gauge(String name, String description, ToDoubleFunction<DemandGauges> value) {
        Gauge.builder(name, this, value).strongReference(true).description(description).register(registry);
    }

    public long overdue() {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> LegalDemand.count(
                "from LegalDemand d, DemandState s where s.demandId = d.id and s.status in ?1 and d.responseDueOn < ?2",
                DemandViews.OPEN, today));
    }

    public long dueSoon() {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> LegalDemand.count(
                "from LegalDemand d, DemandState s where s.demandId = d.id and s.status in ?1 and d.responseDueOn >= ?2"
                        + " and d.responseDueOn < ?3", DemandViews.OPEN, today, today.plusDays(settings.dueSoonDays())));
    }

    public long noticesDue() {
        try {
            return notices.due(false, Integer.MAX_VALUE).size();
        } catch (SQLException e) {
            return -1; // visible as wrong rather than as "none due"
        }
    }

    public long preservationsExpiringSoon() {
        LocalDate soon = LocalDate.now(clock).plusDays(settings.dueSoonDays());
        return QuarkusTransaction.requiringNew().call(() -> DemandState.count(
                "preserveUntil is not null and preservationReleased = false and preserveUntil < ?1", soon));
    }
}
