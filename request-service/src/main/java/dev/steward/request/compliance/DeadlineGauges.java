package dev.steward.request.compliance;

import dev.steward.request.deadline.Deadlines;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Prometheus gauges {@code steward_requests_overdue} and {@code steward_requests_due_soon}: open
 * requests past their due date, and open requests due within the due-soon window. Counted from
 * the database when scraped (in a short transaction of their own: a scrape has no request scope).
 */
@ApplicationScoped
public class DeadlineGauges {

    private final Clock clock;
    private final Deadlines deadlines;
    private final MeterRegistry registry;

    public DeadlineGauges(Clock clock, Deadlines deadlines, MeterRegistry registry) {
        this.clock = clock;
        this.deadlines = deadlines;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("steward.requests.overdue", this, DeadlineGauges::overdue)
                .strongReference(true).description("Open data-subject requests past their due date").register(registry);
        Gauge.builder("steward.requests.due.soon", this, DeadlineGauges::dueSoon)
                .strongReference(true).description("Open data-subject requests due within the due-soon window").register(registry);
    }

    public long overdue() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() ->
                Request.count("status in ?1 and dueAt < ?2", RequestStatus.OPEN, now));
    }

    public long dueSoon() {
        Instant now = clock.instant();
        Instant soon = now.plus(Duration.ofDays(deadlines.dueSoonDays()));
        return QuarkusTransaction.requiringNew().call(() ->
                Request.count("status in ?1 and dueAt >= ?2 and dueAt < ?3", RequestStatus.OPEN, now, soon));
    }
}
